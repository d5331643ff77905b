package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.assertNoStackTrace;
import static org.steward.it.ProblemAssert.assertSafetyHeaders;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.RawHttp;
import org.steward.it.support.StewardServer;

/** The error contract of the whole API: RFC 9457 bodies, stable type URIs, correlation ids, safe headers. */
class ProblemsIT {

    private static final String TENANTS = "/api/v1/tenants";

    private final StewardServer server = StewardServer.shared();
    private final Http http = server.http();

    // ---------------------------------------------------------------- bodies that are not what the schema says

    @ParameterizedTest
    @ValueSource(strings = {"{bad", "{\"name\":", "{\"name\":\"A\",}", "{'name':'A'}", "nonsense"})
    void malformedJsonIsRefused(String body) {
        int before = tenantCount();
        problem(http.post(TENANTS, body), 400, "malformed-json");
        assertThat(tenantCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"a string\"", "42"})
    void aBodyThatIsNotAnObjectIsRefused(String body) {
        problem(http.post(TENANTS, body), 400, "malformed-json");
    }

    @Test
    void unknownTopLevelFieldIsRefusedByName() {
        int before = tenantCount();
        String body = Fixtures.tenantJson("CLOUD", "2099-12-31").replaceFirst("\\{", "{\"colour\":\"blue\",");
        JsonObject p = problem(http.post(TENANTS, body), 400, "unknown-field", "colour");
        assertThat(p.getString("detail")).contains("colour");
        assertThat(tenantCount()).isEqualTo(before);
    }

    @Test
    void unknownNestedFieldIsRefusedByItsPath() {
        int before = tenantCount();
        String body = Fixtures.tenantJson("CLOUD", "2099-12-31").replace("\"licence\":{", "\"licence\":{\"bogus\":1,");
        problem(http.post(TENANTS, body), 400, "unknown-field", "licence.bogus");
        assertThat(tenantCount()).isEqualTo(before);
    }

    @Test
    void wrongTypeIsRefusedByName() {
        int before = tenantCount();
        String u = Fixtures.unique();
        // JSON-B turns a number into a String ("123"), so an object is the wrong type that it cannot coerce.
        problem(http.post(TENANTS, "{\"name\":{},\"siteUrl\":\"https://w" + u + ".example.com\",\"hostingMode\":\"CLOUD\","
                + "\"licence\":{\"key\":\"W-" + u + "\",\"expiresOn\":\"2099-01-01\"}}"), 400, "wrong-type", "name");
        problem(http.post(TENANTS, "{\"name\":\"N\",\"siteUrl\":\"https://w" + u + ".example.com\",\"hostingMode\":\"CLOUD\","
                + "\"licence\":\"W-" + u + "\"}"), 400, "wrong-type", "licence");
        problem(http.post(TENANTS, "{\"name\":\"N\",\"siteUrl\":\"https://w" + u + ".example.com\",\"hostingMode\":\"CLOUD\","
                + "\"licence\":[1]}"), 400, "wrong-type", "licence");
        problem(http.post(TENANTS, "{\"name\":\"N\",\"siteUrl\":\"https://w" + u + ".example.com\",\"hostingMode\":\"CLOUD\","
                + "\"licence\":{\"key\":\"W-" + u + "\",\"expiresOn\":20990101}}"), 400, "wrong-type", "licence.expiresOn");
        assertThat(tenantCount()).isEqualTo(before);
    }

    @Test
    void emptyBodyIsAMissingBody() {
        int before = tenantCount();
        problem(http.post(TENANTS, null), 400, "missing-body");
        problem(http.post(TENANTS, ""), 400, "missing-body");
        problem(http.post(TENANTS, "null"), 400, "missing-body");
        String t = Fixtures.tenant(http, "CLOUD");
        problem(http.post(TENANTS + "/" + t + "/subjects", null), 400, "missing-body");
        assertThat(tenantCount()).isEqualTo(before + 1);
        assertThat(http.get(TENANTS + "/" + t + "/subjects").json().getJsonArray("items")).isEmpty();
    }

    @Test
    void textPlainBodyIsUnsupported() {
        int before = tenantCount();
        problem(http.send("POST", TENANTS, "text/plain", Fixtures.tenantJson("CLOUD", "2099-12-31")), 415,
                "unsupported-media-type");
        problem(http.send("POST", TENANTS, "application/xml", "<tenant/>"), 415, "unsupported-media-type");
        String t = Fixtures.tenant(http, "CLOUD");
        problem(http.send("PUT", TENANTS + "/" + t, "text/plain", "{\"name\":\"N\",\"siteUrl\":\"https://n.example.com\"}"),
                415, "unsupported-media-type");
        assertThat(tenantCount()).isEqualTo(before + 1);
        assertThat(http.get(TENANTS + "/" + t).json().getString("name")).isNotEqualTo("N");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "5", "1.5", "-0"})
    void aJsonNumberOrBooleanIsNotAString(String value) {
        int before = tenantCount();
        String body = Fixtures.tenantJson("CLOUD", "2099-12-31").replaceFirst("\"name\":\"[^\"]*\"", "\"name\":" + value);
        assertThat(body).contains("\"name\":" + value);
        JsonObject p = problem(http.post(TENANTS, body), 400, "wrong-type", "name");
        assertThat(p.getString("detail")).contains("name");
        assertThat(tenantCount()).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldOfABodyIsListed() {
        int before = tenantCount();
        String u = Fixtures.unique();
        JsonObject p = problem(http.post(TENANTS, "{\"name\":true,\"siteUrl\":42,\"hostingMode\":\"CLOUD\",\"colour\":1,"
                + "\"licence\":{\"key\":false,\"expiresOn\":20990101,\"bogus\":\"x-" + u + "\"}}"), 400, "wrong-type");
        assertThat(ProblemAssert.fields(p)).containsExactlyInAnyOrder("name", "siteUrl", "colour", "licence.key",
                "licence.expiresOn", "licence.bogus");
        assertThat(tenantCount()).isEqualTo(before);
    }

    @Test
    void aNulInAJsonStringIsRefusedBeforeTheDatabase() {
        int before = tenantCount();
        String body = Fixtures.tenantJson("CLOUD", "2099-12-31").replaceFirst("\"name\":\"", "\"name\":\"A\\\\u0000");
        assertThat(body).contains("\\u0000");
        problem(http.post(TENANTS, body), 400, "validation", "name");
        assertThat(tenantCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?cursor=%00", "?cursor=a%00b", "?limit=1%01", "?cursor=%0a", "?cursor=%7f"})
    void aControlCharacterInAQueryValueIsRefusedByName(String query) {
        JsonObject p = problem(http.get(TENANTS + query), 400, "validation");
        assertThat(ProblemAssert.fields(p)).containsAnyOf("cursor", "limit");
    }

    @Test
    void aControlCharacterInAQueryValueNeverReachesTheDatabase() {
        // The audit log filters by actor in SQL: PostgreSQL fails on a NUL ("invalid byte sequence") with a 500.
        problem(http.get("/api/v1/audit?actor=it%00x"), 400, "validation", "actor");
        problem(http.get("/api/v1/audit?targetId=%00"), 400, "validation", "targetId");
    }

    @Test
    void aControlCharacterInAPathSegmentIsAProblem() {
        problem(http.get(TENANTS + "/a%01b"), 400, "validation", "path");
        problem(http.get(TENANTS + "/%1b"), 400, "validation", "path");
    }

    @Test
    void anOperationThatTakesNoBodyRefusesOne() {
        Http admin = server.admin();
        String before = admin.get("/api/v1/admin/keys").json().getJsonObject("masterKey").getString("currentId");
        problem(admin.post("/api/v1/admin/keys/master/rotation", "garbage"), 400, "validation", "body");
        problem(admin.send("POST", "/api/v1/admin/keys/master/rotation", "text/plain", "garbage"), 400, "validation",
                "body");
        problem(admin.post("/api/v1/admin/keys/master/rotation", "{}"), 400, "validation", "body");
        assertThat(admin.get("/api/v1/admin/keys").json().getJsonObject("masterKey").getString("currentId")).isEqualTo(before);
        problem(http.post("/api/v1/audit/verify", "{\"x\":1}"), 400, "validation", "body");
        assertThat(http.post("/api/v1/audit/verify", null).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- paths and methods

    static Stream<Arguments> wrongMethods() {
        return Stream.of(
                Arguments.of("DELETE", TENANTS),
                Arguments.of("PUT", TENANTS),
                Arguments.of("PATCH", TENANTS),
                Arguments.of("DELETE", TENANTS + "/{t}"),
                Arguments.of("DELETE", TENANTS + "/{t}/subjects"),
                Arguments.of("GET", TENANTS + "/{t}/licence/termination"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongMethods")
    void wrongMethodIs405WithAllow(String method, String path) {
        String t = Fixtures.tenant(http, "CLOUD");
        Http.Response r = http.send(method, path.replace("{t}", t), method.equals("GET") ? null : "application/json",
                method.equals("GET") || method.equals("DELETE") ? null : "{}");
        problem(r, 405, "method-not-allowed");
        assertThat(r.header("Allow")).as("Allow on %s %s", method, path).isNotBlank();
        assertThat(http.get(TENANTS + "/" + t).status()).isEqualTo(200);
    }

    @Test
    void deleteOnTheTenantCollectionAllowsGetAndPost() {
        Http.Response r = http.delete(TENANTS);
        problem(r, 405, "method-not-allowed");
        assertThat(r.header("Allow")).contains("GET").contains("POST").doesNotContain("DELETE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/nope", "/api/v1/nope", "/api/v2/tenants", "/api/v1/tenants/x/y/z/w",
            "/api/v1/tenants/00000000-0000-7000-8000-000000000000/licence/nope"})
    void unknownPathUnderApiIsANotFoundProblem(String path) {
        problem(http.get(path), 404, "not-found");
        problem(http.post(path, "{}"), 404, "not-found");
    }

    @Test
    void unacceptableAcceptIs406() throws Exception {
        HttpResponse<String> r = raw(HttpRequest.newBuilder(server.uri(TENANTS)).header("Accept", "text/html").GET());
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("urn:steward:problem:not-acceptable");
    }

    // ---------------------------------------------------------------- what the container answers itself

    private RawHttp.Response raw(String requestLine) {
        return RawHttp.send(RawHttp.URIish.of(server), requestLine, null);
    }

    private static void namesNoServer(RawHttp.Response r) {
        assertThat(r.header("Server")).as("Server header of %s", r).isNull();
        assertThat(r.header("X-Powered-By")).as("X-Powered-By of %s", r).isNull();
        assertThat(r.body().toLowerCase()).as("body of %s", r).doesNotContain("payara").doesNotContain("glassfish")
                .doesNotContain("grizzly").doesNotContain("<html");
    }

    @Test
    void anUnencodedBraceUnderApiIsAProblem() {
        RawHttp.Response r = raw("GET /api/v1/tenants/{x} HTTP/1.1");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":400").contains("urn:steward:problem:");
        namesNoServer(r);
    }

    /** Payara's HTTP layer answered these itself: an empty 200 for a malformed escape, an empty 400 for the rest. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/tenants/%zz", "/api/v1/tenants/%4", "/api/v1/tenants/%00",
            "/api/v1/tenants/a%00b", "/api/../../etc/passwd", "/api/v1/tenants/a%5Cb", "/api/v1/tenants/%e9"})
    void aMalformedPathUnderApiIsAProblem(String path) {
        RawHttp.Response r = raw("GET " + path + " HTTP/1.1");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":400").contains("urn:steward:problem:validation");
        assertThat(r.header("X-Correlation-Id")).as(r.toString()).isNotBlank();
        namesNoServer(r);
    }

    @Test
    void aMalformedPathOutsideApiIsAPlain400() {
        RawHttp.Response r = raw("GET /x/%zz HTTP/1.1");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).as(r.toString()).startsWith("text/plain");
        namesNoServer(r);
    }

    /** Payara's HTTP layer answered a head over 8 KB with an empty 400; up to 64 KB it is now ours to answer. */
    @Test
    void aRequestHeadOver8KbIsAProblem() {
        RawHttp.Response longTarget = raw("GET /api/v1/tenants?x=" + "a".repeat(9000) + " HTTP/1.1");
        assertThat(longTarget.status()).as(longTarget.toString()).isEqualTo(400);
        assertThat(longTarget.contentType()).as(longTarget.toString()).startsWith("application/problem+json");
        RawHttp.Response longHeader = raw("GET /api/v1/tenants HTTP/1.1\r\nX-Filler: " + "b".repeat(9000));
        assertThat(longHeader.status()).as(longHeader.toString()).isEqualTo(400);
        assertThat(longHeader.contentType()).as(longHeader.toString()).startsWith("application/problem+json");
        namesNoServer(longHeader);
        RawHttp.Response justUnder = raw("GET /api/v1/tenants?x=" + "a".repeat(7000) + " HTTP/1.1");
        assertThat(justUnder.status()).as(justUnder.toString()).isEqualTo(401);
    }

    /** The residual limit: over 64 KB, Grizzly's codec answers before any request exists (see docs). */
    @Test
    void aRequestHeadOver64KbIsStillABare400ThatNamesNoServer() {
        RawHttp.Response r = raw("GET /api/v1/tenants?x=" + "a".repeat(70_000) + " HTTP/1.1");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        namesNoServer(r);
    }

    @Test
    void aWellFormedEscapeStillReachesTheApplication() {
        RawHttp.Response r = raw("GET /api/v1/tenants/%C3%A9t%C3%A9 HTTP/1.1");
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/", "/foo{x}", "/api-docs/nope.html", "/_error", "/_error/x"})
    void anErrorOutsideApiIsAPlainPageThatNamesNoServer(String path) {
        RawHttp.Response r = raw("GET " + path + " HTTP/1.1");
        assertThat(r.status()).as(r.toString()).isBetween(400, 499);
        assertThat(r.contentType()).as(r.toString()).startsWith("text/plain");
        namesNoServer(r);
    }

    @Test
    void noAnswerNamesTheServer() {
        namesNoServer(raw("GET /api/v1/tenants HTTP/1.1"));
        namesNoServer(raw("GET /health/ready HTTP/1.1"));
        namesNoServer(raw("GET /api/nope HTTP/1.1"));
        namesNoServer(raw("FOO /api/v1/tenants HTTP/1.1"));
        // Once answered by the HTTP layer itself (see docs), now by the error servlet.
        namesNoServer(raw("GET /api/v1/tenants/a%00b HTTP/1.1"));
        namesNoServer(raw("GET /api/v1/tenants?x=" + "a".repeat(9000) + " HTTP/1.1"));
    }

    // ---------------------------------------------------------------- correlation ids and headers

    @Test
    void everyProblemCarriesTheCorrelationIdOfItsResponseAndNoStackTrace() {
        String t = Fixtures.tenant(http, "CLOUD");
        List<Http.Response> problems = new ArrayList<>(List.of(
                http.post(TENANTS, "{bad"),
                http.post(TENANTS, "{\"zzz\":1}"),
                http.post(TENANTS, "{\"name\":{}}"),
                http.post(TENANTS, null),
                http.post(TENANTS, "{}"),
                http.send("POST", TENANTS, "text/plain", "x"),
                http.delete(TENANTS),
                http.get("/api/nope"),
                http.get(TENANTS + "/garbage"),
                http.get(TENANTS + "?limit=0"),
                http.get(TENANTS + "?cursor=zz"),
                http.post(TENANTS + "/" + t + "/licence/termination", "{}"),
                http.post(TENANTS + "/" + t + "/subjects", "{\"email\":\"x\"}")));
        for (Http.Response r : problems) {
            assertThat(r.status()).as(r.toString()).isBetween(400, 499);
            assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
            JsonObject p = r.json();
            assertThat(p.getString("type")).startsWith(ProblemAssert.TYPE_PREFIX);
            assertThat(p.getInt("status")).isEqualTo(r.status());
            assertThat(p.getString("correlationId")).as(r.toString()).isEqualTo(r.header("X-Correlation-Id"));
            assertThat(p.getString("instance", "")).startsWith("/api/");
            assertNoStackTrace(r);
            assertSafetyHeaders(r);
        }
        assertThat(problems.stream().map(r -> r.header("X-Correlation-Id")).distinct().count())
                .as("every request gets its own id").isEqualTo(problems.size());
    }

    @Test
    void clientCorrelationIdIsEchoed() throws Exception {
        HttpResponse<String> ok = raw(HttpRequest.newBuilder(server.uri(TENANTS + "?limit=1"))
                .header("X-Correlation-Id", "abc12345-test").GET());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("X-Correlation-Id")).contains("abc12345-test");

        HttpResponse<String> bad = raw(HttpRequest.newBuilder(server.uri(TENANTS))
                .header("X-Correlation-Id", "abc12345-test").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{bad")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("X-Correlation-Id")).contains("abc12345-test");
        assertThat(bad.body()).contains("\"correlationId\":\"abc12345-test\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad id<script>", "alice@example.com", "short", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "a;b=c/d\\e"})
    void illegalCorrelationIdIsReplaced(String sent) throws Exception {
        HttpResponse<String> r = raw(HttpRequest.newBuilder(server.uri(TENANTS + "/garbage"))
                .header("X-Correlation-Id", sent).GET());
        assertThat(r.statusCode()).isEqualTo(404);
        String id = r.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(id).isNotEqualTo(sent).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(r.body()).contains("\"correlationId\":\"" + id + "\"").doesNotContain(sent);
    }

    @Test
    void responsesCarryNosniffAndNoStore() {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        List<Http.Response> answers = List.of(
                http.get(TENANTS),
                http.get(TENANTS + "/" + t),
                http.post(TENANTS, Fixtures.tenantJson("CLOUD", "2099-12-31")),
                http.get(TENANTS + "/" + t + "/subjects/" + s),
                http.get(TENANTS + "/" + t + "/licence/history"),
                http.get(TENANTS + "/garbage"),
                http.post(TENANTS, "{bad"),
                http.delete(TENANTS),
                http.send("POST", TENANTS, "text/plain", "x"));
        for (Http.Response r : answers) {
            assertSafetyHeaders(r);
        }
    }

    // ---------------------------------------------------------------- helpers

    private int tenantCount() {
        int n = 0;
        String cursor = null;
        do {
            Http.Response r = http.get(TENANTS + "?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).isEqualTo(200);
            n += r.json().getJsonArray("items").size();
            cursor = r.json().getString("nextCursor", null);
        } while (cursor != null);
        return n;
    }

    /** A hand-built request, authenticated as the operator that {@code server.http()} uses. */
    private HttpResponse<String> raw(HttpRequest.Builder b) throws IOException, InterruptedException {
        server.http().authenticate(b);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
