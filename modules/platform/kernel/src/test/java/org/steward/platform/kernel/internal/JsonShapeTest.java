package org.steward.platform.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

class JsonShapeTest {

    enum Kind { A, B }

    record Item(String name, Integer count) {
    }

    record Input(String name, Boolean active, int size, Double ratio, Kind kind, OffsetDateTime at,
                 List<String> tags, List<Item> items, Map<String, String> labels, JsonValue free) {
    }

    private static List<FieldError> errors(String json, Type type) {
        JsonValue value = Json.createReader(new StringReader(json)).readValue();
        return JsonShape.check(value, type).stream().map(JsonShape.Mismatch::error).toList();
    }

    @Test
    void aWellTypedBodyPasses() {
        assertThat(errors("""
                {"name":"n","active":true,"size":3,"ratio":0.5,"kind":"A","at":"2026-01-01T00:00:00Z",
                 "tags":["x"],"items":[{"name":"i","count":2}],"labels":{"k":"v"},"free":[1,{"a":true}]}
                """, Input.class)).isEmpty();
        assertThat(errors("{\"name\":null,\"active\":null}", Input.class)).isEmpty();
    }

    @Test
    void aBooleanOrNumberForAStringIsRefused() {
        assertThat(errors("{\"name\":true}", Input.class)).containsExactly(new FieldError("name", "must be a string"));
        assertThat(errors("{\"name\":5}", Input.class)).containsExactly(new FieldError("name", "must be a string"));
        assertThat(errors("{\"name\":{}}", Input.class)).containsExactly(new FieldError("name", "must be a string"));
    }

    @Test
    void everyMismatchIsListedWithItsPath() {
        assertThat(errors("""
                {"name":1,"active":"yes","size":1.5,"ratio":"1","kind":2,"at":0,"tags":"x",
                 "items":[{"name":"ok"},{"name":false,"count":"3","extra":1}],"labels":{"k":7},"nope":1}
                """, Input.class)).containsExactly(
                new FieldError("name", "must be a string"),
                new FieldError("active", "must be true or false"),
                new FieldError("size", "must be an integer"),
                new FieldError("ratio", "must be a number"),
                new FieldError("kind", "must be a string"),
                new FieldError("at", "must be a string"),
                new FieldError("tags", "must be an array"),
                new FieldError("items[1].name", "must be a string"),
                new FieldError("items[1].count", "must be an integer"),
                new FieldError("items[1].extra", JsonShape.UNKNOWN),
                new FieldError("labels", "must be a string"),
                new FieldError("nope", JsonShape.UNKNOWN));
    }

    @Test
    void aNulInAnyStringIsRefused() {
        assertThat(errors("{\"name\":\"a\\u0000b\",\"tags\":[\"\\u0000\"]}", Input.class)).containsExactly(
                new FieldError("name", JsonShape.NUL), new FieldError("tags[0]", JsonShape.NUL));
    }

    @Test
    void aBodyOfTheWrongShapeIsNamedBody() {
        assertThat(errors("[1]", Input.class)).containsExactly(new FieldError("body", "must be an object"));
        assertThat(JsonShape.applies(String.class)).isFalse();
        assertThat(JsonShape.applies(Input.class)).isTrue();
    }

    @Test
    void theProblemTypeFollowsTheMismatches() {
        var wrong = new JsonShape.Mismatch(new FieldError("a", "must be a string"), false);
        var unknown = new JsonShape.Mismatch(new FieldError("b", JsonShape.UNKNOWN), true);
        var nul = new JsonShape.Mismatch(new FieldError("c", JsonShape.NUL), false);
        ProblemException both = StrictJsonReader.problem(List.of(wrong, unknown));
        assertThat(both.type()).isEqualTo(ProblemType.WRONG_TYPE);
        assertThat(both.errors()).hasSize(2);
        assertThat(StrictJsonReader.problem(List.of(unknown)).type()).isEqualTo(ProblemType.UNKNOWN_FIELD);
        assertThat(StrictJsonReader.problem(List.of(nul)).type()).isEqualTo(ProblemType.VALIDATION);
    }
}
