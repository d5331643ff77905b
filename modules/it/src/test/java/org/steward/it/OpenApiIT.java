package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

/** REST clients generate their code from /openapi: it must be valid and say what the API really does. */
class OpenApiIT {

    private static final Http HTTP = StewardServer.shared().http();
    private static String json;
    private static OpenAPI api;

    /** Where the served document is saved for modules/client-it (which generates a client from it) and .ci/run. */
    static final Path SAVED = Path.of(System.getProperty("steward.openapi.saved", "target/openapi/openapi.json"));

    @BeforeAll
    static void fetch() throws IOException {
        Http.Response r = HTTP.get("/openapi?format=json");
        assertThat(r.status()).isEqualTo(200);
        json = r.body();
        Files.createDirectories(SAVED.toAbsolutePath().getParent());
        Files.writeString(SAVED, json);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, null);
        assertThat(parsed.getMessages()).as("validator messages").isEmpty();
        api = parsed.getOpenAPI();
    }

    @Test
    void isValidWithoutPayarasNonStandardField() {
        assertThat(HTTP.get("/openapi?format=json").json()).doesNotContainKey("endpoints");
        Http.Response yaml = HTTP.get("/openapi");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(new OpenAPIV3Parser().readContents(yaml.body(), null, null).getMessages()).isEmpty();
    }

    @Test
    void describesSteward() {
        assertThat(api.getInfo().getTitle()).isEqualTo("Steward");
        assertThat(api.getInfo().getVersion()).isEqualTo("v1");
        assertThat(api.getInfo().getDescription()).contains("problem+json");
        assertThat(api.getTags()).extracting(t -> t.getName())
                .contains("identity", "consent", "subject-rights", "retention", "sharing");
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("bearer", "basic", "apiKey");
    }

    @Test
    void listsEveryIdentityOperationOnceWithUniqueIds() {
        assertThat(api.getPaths()).containsKeys("/api/v1/tenants", "/api/v1/tenants/{tenantId}",
                "/api/v1/tenants/{tenantId}/licence", "/api/v1/tenants/{tenantId}/licence/termination",
                "/api/v1/tenants/{tenantId}/licence/history", "/api/v1/tenants/{tenantId}/subjects",
                "/api/v1/tenants/{tenantId}/subjects/{subjectId}",
                "/api/v1/tenants/{tenantId}/subjects/{subjectId}/minor",
                "/api/v1/tenants/{tenantId}/subjects/{subjectId}/contacts",
                "/api/v1/tenants/{tenantId}/subjects/{subjectId}/feedback/{recordId}",
                "/api/v1/tenants/{tenantId}/subjects/{subjectId}/connections",
                "/api/v1/tenants/{tenantId}/subjects/{subjectId}/sync-profiles/{recordId}",
                "/api/v1/tenants/{tenantId}/subjects/{subjectId}/drip-activity/{recordId}",
                "/api/v1/tenants/{tenantId}/subjects/{subjectId}/purpose-ends/{purposeKey}");
        List<String> ids = new ArrayList<>();
        api.getPaths().values().forEach(p -> p.readOperations().forEach(o -> ids.add(o.getOperationId())));
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).contains("registerTenant", "registerSubject", "rectifySubject",
                "addConnection", "getSyncProfile");
    }

    @Test
    void everyOperationDocumentsItsProblems() {
        for (var path : api.getPaths().entrySet()) {
            for (Operation op : path.getValue().readOperations()) {
                assertThat(op.getResponses()).as(path.getKey() + " " + op.getOperationId()).containsKey("4XX");
                assertThat(op.getResponses().get("4XX").getContent()).containsKey("application/problem+json");
            }
        }
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        assertThat(problem.getRequired()).contains("type", "title", "status");
        assertThat(problem.getProperties()).containsKeys("detail", "correlationId", "errors");
    }

    @Test
    void schemasCarryRequiredListsAndFormats() {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        assertThat(schemas.get("TenantInput").getRequired()).contains("name", "siteUrl", "hostingMode", "licence");
        assertThat(schemas.get("ConnectionInput").getRequired())
                .contains("siteUrl", "userEmail", "personalAccessToken");
        assertThat(schemas.get("SubjectInput").getRequired()).isNullOrEmpty();
        assertThat(property(schemas, "Tenant", "id").getFormat()).isEqualTo("uuid");
        assertThat(property(schemas, "Tenant", "createdAt").getFormat()).isEqualTo("date-time");
        assertThat(property(schemas, "Tenant", "createdAt").getType()).isEqualTo("string");
        assertThat(property(schemas, "Subject", "email").getFormat()).isEqualTo("email");
        assertThat(property(schemas, "SubjectInput", "email").getFormat()).isEqualTo("email");
        assertThat(property(schemas, "ConnectionRecord", "hasToken").getType()).isEqualTo("boolean");
        assertThat(schemas.get("ConnectionRecord").getProperties()).doesNotContainKey("personalAccessToken");
        // Payara copies annotation defaults; maxProperties 0 would forbid every property.
        assertThat(json).doesNotContain("\"maxProperties\":0").doesNotContain("\"maxProperties\" : 0");
    }

    /** What kept openapi-generator's Java client from compiling, and what Redocly counted as errors. */
    @Test
    void generatesATypedClient() {
        for (var entry : allSchemas().entrySet()) {
            Schema<?> s = entry.getValue();
            assertThat(s.getType() == null && s.getEnum() != null).as(entry.getKey() + ": an untyped enum").isFalse();
            if ("array".equals(s.getType())) {
                assertThat(s.getEnum()).as(entry.getKey() + ": an enum on the array, not its items").isNull();
                assertThat(s.getItems()).as(entry.getKey()).isNotNull();
                assertThat(s.getItems().getType()).as(entry.getKey() + ": an array of arrays").isNotEqualTo("array");
            }
        }
        assertThat(property(api.getComponents().getSchemas(), "User", "roles").getItems().get$ref())
                .isEqualTo("#/components/schemas/Role");
        Map<String, io.swagger.v3.oas.models.media.MediaType> ropa = api.getPaths().get("/api/v1/inventory/ropa")
                .getGet().getResponses().get("200").getContent();
        assertThat(ropa.get("text/csv").getSchema().getType()).isEqualTo("string");
        assertThat(ropa.get("text/csv").getSchema().getProperties()).isNull();
        assertThat(ropa.get("application/json").getSchema().get$ref()).isEqualTo("#/components/schemas/Ropa");
        // Every JSON success answer is a named component, not an untyped object or a copy of one.
        String subject = "/api/v1/tenants/{tenantId}/subjects/{subjectId}";
        Map<String, String> created = new java.util.LinkedHashMap<>();
        created.put("/api/v1/tenants", "Tenant");
        created.put("/api/v1/tenants/{tenantId}/subjects", "Subject");
        created.put(subject + "/contacts", "ContactRecord");
        created.put(subject + "/feedback", "FeedbackRecord");
        created.put(subject + "/connections", "ConnectionRecord");
        created.put(subject + "/sync-profiles", "SyncProfileRecord");
        created.put(subject + "/drip-activity", "DripActivityRecord");
        created.put(subject + "/restriction", "ProcessingRestriction");
        created.put("/api/v1/users", "User");
        created.put("/api/v1/api-keys", "ApiKey");
        created.forEach((path, schema) -> assertThat(api.getPaths().get(path).getPost().getResponses().get("201")
                .getContent().get("application/json").getSchema().get$ref()).as(path)
                .isEqualTo("#/components/schemas/" + schema));
        assertThat(api.getPaths().get("/api/v1/devices/{deviceId}/erasure").getPost().getResponses().get("202")
                .getContent().get("application/json").getSchema().get$ref()).isEqualTo("#/components/schemas/Erasure");
        assertThat(property(api.getComponents().getSchemas(), "TenantPage", "items").getItems().get$ref())
                .isEqualTo("#/components/schemas/Tenant");
        assertThat(api.getServers()).allSatisfy(s -> assertThat(s.getUrl()).doesNotEndWith("/"));
    }

    /** Every schema in the document, by where it is. */
    private static Map<String, Schema<?>> allSchemas() {
        Map<String, Schema<?>> all = new java.util.LinkedHashMap<>();
        api.getComponents().getSchemas().forEach((name, s) -> collect("#/components/schemas/" + name, s, all));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().forEach((type, media) ->
                        collect(method + " " + path + " body " + type, media.getSchema(), all));
            }
            op.getResponses().forEach((code, response) -> {
                if (response.getContent() != null) {
                    response.getContent().forEach((type, media) ->
                            collect(method + " " + path + " " + code + " " + type, media.getSchema(), all));
                }
            });
        }));
        return all;
    }

    private static void collect(String where, Schema<?> schema, Map<String, Schema<?>> all) {
        if (schema == null) {
            return;
        }
        all.put(where, schema);
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, p) -> collect(where + "/" + name, p, all));
        }
        if (schema.getItems() != null) {
            collect(where + "/items", schema.getItems(), all);
        }
    }

    @Test
    void swaggerUiIsServedAtApiDocs() {
        Http.Response page = HTTP.get("/api-docs/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js");
        String bundle = page.body().replaceAll("(?s).*src=\"(/webjars/[^\"]+swagger-ui-bundle\\.js)\".*", "$1");
        assertThat(HTTP.get(bundle).status()).isEqualTo(200);
        assertThat(HTTP.get("/api-docs/init.js").body()).contains("/openapi");
        // The only HTML Steward serves: scripts from its own origin only, never framed.
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.body()).doesNotContain("<script>");
    }

    @Test
    void apiAnswersCarrySecurityHeaders() {
        Http.Response r = HTTP.get("/api/v1/tenants?limit=1");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        Http.Response openapi = HTTP.get("/openapi");
        assertThat(openapi.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static Schema<?> property(Map<String, Schema> schemas, String schema, String property) {
        Schema<?> s = schemas.get(schema);
        assertThat(s).as(schema).isNotNull();
        return (Schema<?>) s.getProperties().get(property);
    }
}
