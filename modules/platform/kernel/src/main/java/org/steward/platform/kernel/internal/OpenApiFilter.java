package org.steward.platform.kernel.internal;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.steward.platform.kernel.api.Problem;
import org.steward.platform.kernel.api.StewardModule;
import org.steward.platform.kernel.internal.clock.TestingClockConfig;
import org.steward.platform.kernel.internal.clock.TestingClockResource;

/**
 * Makes Payara's generated document one that code generators accept and that tells the truth:
 * <ul>
 * <li>Payara 6.2025.10 adds a non-standard top-level {@code endpoints} field; nothing in Payara turns it off, but its
 * writer omits empty maps, so clearing the map removes it.</li>
 * <li>Payara repeats a resource class's tag in the global tag list; validators reject repeated tags.</li>
 * <li>Payara types java.time fields as objects; a field with a string format is a string.</li>
 * <li>Payara copies every default of an {@code @Schema} annotation into the document; {@code maxProperties: 0}
 * among them would forbid every property. Defaults that constrain nothing are dropped.</li>
 * <li>Payara copies a component's schema wherever its class is used; {@link OpenApiRefs} puts references back.</li>
 * <li>Payara puts a {@code List<SomeEnum>}'s constants on the array, not on its items; a text body is a string.</li>
 * <li>Every operation can answer with an RFC 9457 problem; the {@code Problem} schema and the 4XX/500 responses are
 * added once here rather than on every resource method.</li>
 * <li>The testing clock's endpoints exist only with {@code STEWARD_TESTING_CLOCK=enabled}; otherwise they, their
 * tag and their schemas are left out, like the endpoints themselves (404).</li>
 * </ul>
 * The filter and its config live in this JAR because an EAR reads OpenAPI config from lib/, not from the WAR.
 */
public class OpenApiFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(OpenApiFilter.class.getName());
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final java.util.Set<String> STRING_FORMATS =
            java.util.Set.of("date", "date-time", "uuid", "email", "uri");

    @Override
    public Schema filterSchema(Schema schema) {
        // An @Schema(format = "date-time") on a java.time field comes out as type object; these formats are strings.
        if (schema.getFormat() != null && STRING_FORMATS.contains(schema.getFormat())
                && schema.getType() != Schema.SchemaType.STRING) {
            schema.setType(Schema.SchemaType.STRING);
        }
        // Payara puts the constants of a List<SomeEnum> on the array and leaves the items untyped; generators then
        // type the elements as objects and the array as an enum, which does not compile. They belong on the items.
        if (schema.getType() == Schema.SchemaType.ARRAY && schema.getEnumeration() != null) {
            Schema items = schema.getItems() == null ? OASFactory.createSchema() : schema.getItems();
            if (items.getRef() == null && items.getEnumeration() == null) {
                items.setEnumeration(schema.getEnumeration());
            }
            stringEnum(items);
            schema.setItems(items);
            schema.setEnumeration(null);
        }
        stringEnum(schema);
        // A List of records with @Valid: Payara copies the element's properties onto the array as well as its items.
        if (schema.getType() == Schema.SchemaType.ARRAY && schema.getProperties() != null && schema.getItems() != null) {
            schema.setProperties(null);
            schema.setRequired(null);
        }
        // An annotated List field whose element type Payara could not resolve: say "any" rather than be invalid.
        if (schema.getType() == Schema.SchemaType.ARRAY && schema.getItems() == null && schema.getRef() == null) {
            schema.setItems(OASFactory.createSchema());
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
    }

    /** An enum of strings without a type is a string (untyped, a generator makes it an object). */
    private static void stringEnum(Schema schema) {
        if (schema.getType() == null && schema.getRef() == null && schema.getEnumeration() != null
                && !schema.getEnumeration().isEmpty()
                && schema.getEnumeration().stream().allMatch(v -> v instanceof String)) {
            schema.setType(Schema.SchemaType.STRING);
        }
    }

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.getAPIResponse("4XX") == null) {
            responses.addAPIResponse("4XX", OASFactory.createAPIResponse()
                    .description("The request was refused: an RFC 9457 problem that names the offending field")
                    .content(problemContent()));
        }
        if (responses.getAPIResponse("500") == null) {
            responses.addAPIResponse("500", OASFactory.createAPIResponse()
                    .description("An unexpected error: a problem with the correlation id to quote")
                    .content(problemContent()));
        }
        textBodiesAreStrings(responses);
        if (Boolean.FALSE.equals(operation.getDeprecated())) {
            operation.setDeprecated(null);
        }
        return operation;
    }

    /**
     * A text body (CSV, an Atom feed) is a string. Payara fills a {@code @Schema(type = STRING)} that has no
     * implementation with the properties of whichever schema it read last (the ROPA's CSV came out as an API key).
     */
    private static void textBodiesAreStrings(APIResponses responses) {
        if (responses.getAPIResponses() == null) {
            return;
        }
        for (var response : responses.getAPIResponses().values()) {
            if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
                continue;
            }
            response.getContent().getMediaTypes().forEach((type, media) -> {
                if (type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml")) {
                    media.setSchema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
                }
            });
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        stripEndpoints(openAPI);
        // Payara's default server is the request's origin with a trailing slash; paths start with one already.
        if (openAPI.getServers() != null) {
            openAPI.getServers().forEach(server -> {
                String url = server.getUrl();
                if (url != null && url.length() > 1 && url.endsWith("/")) {
                    server.setUrl(url.substring(0, url.length() - 1));
                }
            });
        }
        if (!TestingClockConfig.ENABLED.equals(ConfigProvider.getConfig()
                .getOptionalValue(TestingClockConfig.KEY, String.class).orElse(""))) {
            stripTestingClock(openAPI);
        }
        tags(openAPI);
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema string = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        openAPI.getComponents().addSchema("FieldError", OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addRequired("field").addRequired("message")
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("The JSON path of the offending field, or the query parameter's name"))
                .addProperty("message", string));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri")
                        .description("Stable: " + Problem.TYPE_PREFIX + "<kind>"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string)
                .addProperty("instance", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri"))
                .addProperty("correlationId", string)
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))));
        OpenApiRefs.replaceCopies(openAPI);
    }

    /**
     * One tag per module, described by the module's own descriptor ({@link StewardModule}), then any other tag once:
     * Payara appends a class's {@code @Tag} to the global list again, and the described copy is kept.
     */
    private static void tags(OpenAPI openAPI) {
        java.util.Map<String, org.eclipse.microprofile.openapi.models.tags.Tag> byName = new java.util.LinkedHashMap<>();
        List<StewardModule> modules = new java.util.ArrayList<>(StewardModule.all(OpenApiFilter.class.getClassLoader()));
        // The domain modules' tags first: that is what a reader of the API looks for.
        modules.sort(java.util.Comparator.comparing(m -> m.name().startsWith("platform")));
        for (StewardModule module : modules) {
            if (module.tag() != null) {
                byName.put(module.tag(), OASFactory.createTag().name(module.tag()).description(module.description()));
            }
        }
        for (var tag : openAPI.getTags() == null ? List.<org.eclipse.microprofile.openapi.models.tags.Tag>of()
                : openAPI.getTags()) {
            byName.merge(tag.getName(), tag, (first, again) -> first.getDescription() != null ? first : again);
        }
        openAPI.setTags(new java.util.ArrayList<>(byName.values()));
    }

    private static Content problemContent() {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }

    private static void stripTestingClock(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            List.copyOf(openAPI.getPaths().getPathItems().keySet()).stream()
                    .filter(path -> path.startsWith("/api/v1/testing/"))
                    .forEach(path -> openAPI.getPaths().removePathItem(path));
        }
        if (openAPI.getTags() != null) {
            openAPI.setTags(new java.util.ArrayList<>(openAPI.getTags().stream()
                    .filter(t -> !TestingClockResource.TAG.equals(t.getName())).toList()));
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            List.copyOf(openAPI.getComponents().getSchemas().keySet()).stream()
                    .filter(name -> name.startsWith("TestingClock"))
                    .forEach(name -> openAPI.getComponents().removeSchema(name));
        }
    }

    private static void stripEndpoints(OpenAPI openAPI) {
        try {
            Object endpoints = openAPI.getClass().getMethod("getEndpoints").invoke(openAPI);
            if (endpoints instanceof Map<?, ?> map) {
                map.clear();
            }
        } catch (NoSuchMethodException e) {
            // A Payara without the field: nothing to strip.
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not strip Payara's non-standard 'endpoints' field from /openapi", e);
        }
    }
}
