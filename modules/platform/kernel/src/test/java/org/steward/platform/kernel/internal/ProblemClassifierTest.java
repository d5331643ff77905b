package org.steward.platform.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

class ProblemClassifierTest {

    // ---- inputs shaped like the real boundary DTOs ----

    public record Licence(@NotBlank @Size(max = 8) String key) {
    }

    public record Body(@NotBlank String name, @NotNull @Valid Licence licence) {
    }

    public record Tagged(List<@NotBlank String> tags) {
    }

    public record Item(@NotBlank String name) {
    }

    public record Order(List<@Valid Item> items, java.util.Map<String, @NotBlank String> labels) {
    }

    public static class Resource {
        public void create(@Valid Body body) {
        }

        public void tag(@Valid Tagged body) {
        }

        public void order(@Valid Order body) {
        }

        public void list(@Max(200) int limit) {
        }

        public void require(@NotNull Body body) {
        }
    }

    public static class Inner {
        public int n;
    }

    public static class Outer {
        public String name;
        public int count;
        public Inner inner;
    }

    private static ValidatorFactory validation;
    private static Jsonb jsonb;

    @BeforeAll
    static void setUp() {
        validation = Validation.buildDefaultValidatorFactory();
        jsonb = JsonbBuilder.create(JsonbConfigResolver.config());
    }

    @AfterAll
    static void tearDown() throws Exception {
        validation.close();
        jsonb.close();
    }

    private static ConstraintViolationException violations(String method, Class<?> type, Object argument)
            throws NoSuchMethodException {
        Method m = Resource.class.getMethod(method, type);
        Set<ConstraintViolation<Resource>> found = validation.getValidator().forExecutables()
                .validateParameters(new Resource(), m, new Object[] {argument});
        assertThat(found).as("the validator must find violations").isNotEmpty();
        return new ConstraintViolationException(found);
    }

    private static Throwable jsonError(String json) {
        Throwable thrown = catchThrowable(() -> jsonb.fromJson(json, Outer.class));
        assertThat(thrown).as("Yasson must refuse %s", json).isNotNull();
        return thrown;
    }

    // ---- bean validation ----

    @Test
    void aNestedViolationNamesTheFieldPathAfterTheMethodAndParameter() throws Exception {
        ConstraintViolationException e = violations("create", Body.class, new Body("Acme", new Licence(" ")));
        assertThat(e.getConstraintViolations().iterator().next().getPropertyPath().toString())
                .isEqualTo("create.body.licence.key");

        ProblemClassifier.Classified c = ProblemClassifier.classify(e);

        assertThat(c.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(c.unexpected()).isFalse();
        assertThat(c.errors()).extracting(FieldError::field).containsExactly("licence.key");
        assertThat(c.detail()).startsWith("licence.key: ");
    }

    @Test
    void severalViolationsAreSortedByField() throws Exception {
        ConstraintViolationException e = violations("create", Body.class, new Body("", new Licence("far-too-long-key")));

        ProblemClassifier.Classified c = ProblemClassifier.classify(e);

        assertThat(c.errors()).extracting(FieldError::field).containsExactly("licence.key", "name");
        assertThat(c.detail()).contains("; ").startsWith("licence.key: ");
        assertThat(c.errors()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
    }

    @Test
    void aViolationOnTheParameterItselfNamesTheParameter() throws Exception {
        Method m = Resource.class.getMethod("list", int.class);
        Set<ConstraintViolation<Resource>> found = validation.getValidator().forExecutables()
                .validateParameters(new Resource(), m, new Object[] {500});

        ProblemClassifier.Classified c = ProblemClassifier.classify(new ConstraintViolationException(found));

        assertThat(c.errors()).extracting(FieldError::field).containsExactly("limit");
    }

    @Test
    void aMissingBodyParameterIsNamedAfterTheParameter() throws Exception {
        ConstraintViolationException e = violations("require", Body.class, null);

        assertThat(ProblemClassifier.classify(e).errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void aViolationInAListElementNamesTheIndexedField() throws Exception {
        ConstraintViolationException e = violations("tag", Tagged.class, new Tagged(List.of("ok", " ")));

        ProblemClassifier.Classified c = ProblemClassifier.classify(e);

        assertThat(c.errors()).extracting(FieldError::field).containsExactly("tags[1]");
    }

    @Test
    void aViolationInsideAListedBeanPutsTheIndexOnTheList() throws Exception {
        ConstraintViolationException e = violations("order", Order.class,
                new Order(List.of(new Item("a"), new Item("b"), new Item("")), java.util.Map.of()));
        assertThat(e.getConstraintViolations().iterator().next().getPropertyPath().toString())
                .isEqualTo("order.body.items[2].name");

        assertThat(ProblemClassifier.classify(e).errors()).extracting(FieldError::field)
                .containsExactly("items[2].name");
    }

    @Test
    void aViolationInAMapValueNamesTheMapButNotTheClientsKey() throws Exception {
        ConstraintViolationException e = violations("order", Order.class,
                new Order(List.of(), java.util.Map.of("alice@example.com", " ")));

        ProblemClassifier.Classified c = ProblemClassifier.classify(e);

        assertThat(c.errors()).extracting(FieldError::field).containsExactly("labels");
        assertThat(c.detail()).doesNotContain("alice");
    }

    @Test
    void violationsAreFoundInsideAWrapper() throws Exception {
        ConstraintViolationException e = violations("create", Body.class, new Body("Acme", new Licence("")));

        ProblemClassifier.Classified c = ProblemClassifier.classify(new RuntimeException("tx", e));

        assertThat(c.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(c.errors()).extracting(FieldError::field).containsExactly("licence.key");
    }

    // ---- JSON binding (real Yasson, strict config) ----

    @Test
    void theStrictConfigStillReadsAValidBody() {
        Outer outer = jsonb.fromJson("{\"name\":\"a\",\"count\":2,\"inner\":{\"n\":3}}", Outer.class);

        assertThat(outer.count).isEqualTo(2);
        assertThat(outer.inner.n).isEqualTo(3);
    }

    @Test
    void anUnknownTopLevelFieldIsNamed() {
        ProblemClassifier.Classified c = ProblemClassifier.classify(jsonError("{\"name\":\"a\",\"zz\":1}"));

        assertThat(c.type()).isEqualTo(ProblemType.UNKNOWN_FIELD);
        assertThat(c.errors()).extracting(FieldError::field).containsExactly("zz");
        assertThat(c.unexpected()).isFalse();
    }

    @Test
    void anUnknownNestedFieldIsNamedWithItsPath() {
        ProblemClassifier.Classified c = ProblemClassifier.classify(jsonError("{\"inner\":{\"n\":1,\"zz\":true}}"));

        assertThat(c.type()).isEqualTo(ProblemType.UNKNOWN_FIELD);
        assertThat(c.errors()).extracting(FieldError::field).containsExactly("inner.zz");
        assertThat(c.detail()).contains("'inner.zz'");
    }

    @Test
    void aWrongTypeIsNamed() {
        ProblemClassifier.Classified c = ProblemClassifier.classify(jsonError("{\"count\":\"many\"}"));

        assertThat(c.type()).isEqualTo(ProblemType.WRONG_TYPE);
        assertThat(c.errors()).extracting(FieldError::field).containsExactly("count");
    }

    @Test
    void aNestedWrongTypeIsNamedWithItsPath() {
        ProblemClassifier.Classified c = ProblemClassifier.classify(jsonError("{\"inner\":{\"n\":\"x\"}}"));

        assertThat(c.type()).isEqualTo(ProblemType.WRONG_TYPE);
        assertThat(c.errors()).extracting(FieldError::field).containsExactly("inner.n");
    }

    @Test
    void malformedJsonIsMalformed() {
        for (String json : new String[] {"{\"name\": ", "{name: 1}", "{\"count\": 1,}"}) {
            ProblemClassifier.Classified c = ProblemClassifier.classify(jsonError(json));

            assertThat(c.type()).as(json).isEqualTo(ProblemType.MALFORMED_JSON);
            assertThat(c.errors()).isEmpty();
            assertThat(c.unexpected()).isFalse();
        }
    }

    @Test
    void aTopLevelArrayIsRefusedAsTheWrongShape() {
        ProblemClassifier.Classified c = ProblemClassifier.classify(jsonError("[1, 2]"));

        assertThat(c.type()).isEqualTo(ProblemType.MALFORMED_JSON);
        assertThat(c.unexpected()).isFalse();
    }

    @Test
    void aJsonErrorIsFoundInsideAWrapper() {
        Throwable yasson = jsonError("{\"count\":\"many\"}");

        ProblemClassifier.Classified c = ProblemClassifier.classify(
                new jakarta.ws.rs.ProcessingException("reader failed", yasson));

        assertThat(c.type()).isEqualTo(ProblemType.WRONG_TYPE);
        assertThat(c.errors()).extracting(FieldError::field).containsExactly("count");
    }

    // ---- JAX-RS ----

    @Test
    void jaxRsRoutingExceptionsMapToTheirStatus() {
        assertThat(ProblemClassifier.classify(new NotFoundException()).type().status()).isEqualTo(404);
        assertThat(ProblemClassifier.classify(new NotAllowedException("GET", new String[] {"POST"})).type().status()).isEqualTo(405);
        assertThat(ProblemClassifier.classify(new NotSupportedException()).type().status()).isEqualTo(415);
        assertThat(ProblemClassifier.classify(new NotAcceptableException()).type().status()).isEqualTo(406);

        assertThat(ProblemClassifier.classify(new NotFoundException()).type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemClassifier.classify(new NotAllowedException("GET")).type())
                .isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
        assertThat(ProblemClassifier.classify(new NotSupportedException()).type())
                .isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ProblemClassifier.classify(new NotAcceptableException()).type())
                .isEqualTo(ProblemType.NOT_ACCEPTABLE);
        assertThat(ProblemClassifier.classify(new NotFoundException()).unexpected()).isFalse();
    }

    @Test
    void otherWebApplicationExceptionsKeepTheirClientStatus() {
        assertThat(ProblemClassifier.classify(new ForbiddenException()).type()).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(ProblemClassifier.classify(new WebApplicationException(409)).type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(ProblemClassifier.classify(new BadRequestException()).type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(ProblemClassifier.classify(new WebApplicationException(418)).type())
                .isEqualTo(ProblemType.VALIDATION);

        ProblemClassifier.Classified server = ProblemClassifier.classify(new InternalServerErrorException("boom"));
        assertThat(server.type()).isEqualTo(ProblemType.INTERNAL);
        assertThat(server.unexpected()).isTrue();
    }

    @Test
    void anEmptyBodyIsMissing() {
        ProblemClassifier.Classified c = ProblemClassifier.classify(
                new BadRequestException(new NoContentException("empty")));

        assertThat(c.type()).isEqualTo(ProblemType.MISSING_BODY);
    }

    // ---- our own problems and bugs ----

    @Test
    void aProblemExceptionIsFoundInsideAWrapper() {
        ProblemException problem = ProblemException.invalid("email", "is taken");

        ProblemClassifier.Classified c = ProblemClassifier.classify(
                new RuntimeException("wrapped", new IllegalStateException("again", problem)));

        assertThat(c.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(c.detail()).isEqualTo("email: is taken");
        assertThat(c.errors()).containsExactly(new FieldError("email", "is taken"));
        assertThat(c.unexpected()).isFalse();
    }

    @Test
    void aProblemExceptionWinsOverAnOuterJaxRsException() {
        ProblemClassifier.Classified c = ProblemClassifier.classify(
                new WebApplicationException(ProblemException.notFound("Tenant", "t-1"), 500));

        assertThat(c.type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(c.detail()).isEqualTo("Tenant t-1 does not exist");
    }

    @Test
    void anUnexpectedExceptionIsInternalAndDoesNotLeakItsMessage() {
        ProblemClassifier.Classified c = ProblemClassifier.classify(
                new IllegalStateException("password=hunter2 for alice@example.com"));

        assertThat(c.type()).isEqualTo(ProblemType.INTERNAL);
        assertThat(c.unexpected()).isTrue();
        assertThat(c.errors()).isEmpty();
        assertThat(c.detail()).doesNotContain("hunter2").doesNotContain("alice").contains("correlation id");
    }

    @Test
    void aSelfCausedExceptionDoesNotLoop() {
        RuntimeException odd = new RuntimeException("odd") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };

        assertThat(ProblemClassifier.classify(odd).type()).isEqualTo(ProblemType.INTERNAL);
    }
}
