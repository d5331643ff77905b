package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.steward.it.support.Database;
import org.steward.it.support.Dumps;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

class TenantsIT {

    private static final String TENANTS = "/api/v1/tenants";
    private static final String UNKNOWN_UUID = "00000000-0000-7000-8000-000000000000";

    private final Http http = StewardServer.shared().http();

    // ---------------------------------------------------------------- happy paths

    @Test
    void registerAnswers201WithLocationAndTheTenant() {
        String u = Fixtures.unique();
        Http.Response r = http.post(TENANTS, tenant("  Acme " + u + "  ", "https://acme" + u + ".atlassian.net",
                "CLOUD", "SEN-" + u, "2027-12-31"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.contentType()).startsWith("application/json");
        JsonObject t = r.json();
        String id = t.getString("id");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(r.header("Location")).endsWith(TENANTS + "/" + id);
        assertThat(t.getString("name")).isEqualTo("Acme " + u);
        assertThat(t.getString("siteUrl")).isEqualTo("https://acme" + u + ".atlassian.net");
        assertThat(t.getString("hostingMode")).isEqualTo("CLOUD");
        JsonObject licence = t.getJsonObject("licence");
        assertThat(licence.getString("key")).isEqualTo("SEN-" + u);
        assertThat(licence.getString("status")).isEqualTo("ACTIVE");
        assertThat(licence.getString("expiresOn")).isEqualTo("2027-12-31");
        assertThat(t.getString("createdAt")).isNotBlank();
        assertThat(t.getString("updatedAt")).isNotBlank();

        Http.Response again = http.get(TENANTS + "/" + id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(t);
    }

    @Test
    void registersADataCenterTenant() {
        Http.Response r = http.post(TENANTS, Fixtures.tenantJson("DATA_CENTER", "2099-12-31"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().getString("hostingMode")).isEqualTo("DATA_CENTER");
    }

    @Test
    void listPagesWithLimitAndCursorWithoutRepeatsAndEndsWithoutCursor() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(Fixtures.tenant(http, "CLOUD"));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        while (true) {
            Http.Response r = http.get(TENANTS + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonObject page = r.json();
            JsonArray items = page.getJsonArray("items");
            pages++;
            items.forEach(i -> seen.add(i.asJsonObject().getString("id")));
            if (!page.containsKey("nextCursor")) {
                assertThat(items.size()).isBetween(0, 2);
                break;
            }
            assertThat(items).hasSize(2);
            cursor = page.getString("nextCursor");
            assertThat(pages).as("pagination terminates").isLessThan(10_000);
        }

        assertThat(pages).isGreaterThan(2);
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine);
        // Oldest first: ours were created in this order, so they appear in this order.
        assertThat(seen.stream().filter(mine::contains).toList()).containsExactlyElementsOf(mine);
    }

    @Test
    void listWithoutLimitUsesTheDefaultAndEndsWithoutCursor() {
        Fixtures.tenant(http, "CLOUD");
        Http.Response r = http.get(TENANTS + "?limit=200");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getJsonArray("items")).isNotEmpty();
        Http.Response d = http.get(TENANTS);
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.json().getJsonArray("items").size()).isBetween(1, 50);
    }

    @Test
    void getsOne() {
        String id = Fixtures.tenant(http, "CLOUD");
        Http.Response r = http.get(TENANTS + "/" + id);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("id")).isEqualTo(id);
        assertThat(r.json().getJsonObject("licence").getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void updatesNameAndSite() {
        String id = Fixtures.tenant(http, "CLOUD");
        JsonObject before = http.get(TENANTS + "/" + id).json();

        Http.Response r = http.put(TENANTS + "/" + id, "{\"name\":\"Renamed Corp\",\"siteUrl\":\"https://renamed.example.org\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject after = http.get(TENANTS + "/" + id).json();
        assertThat(after.getString("name")).isEqualTo("Renamed Corp");
        assertThat(after.getString("siteUrl")).isEqualTo("https://renamed.example.org");
        assertThat(after.getString("hostingMode")).isEqualTo(before.getString("hostingMode"));
        assertThat(after.getJsonObject("licence")).isEqualTo(before.getJsonObject("licence"));
        assertThat(after.getString("createdAt")).isEqualTo(before.getString("createdAt"));
        assertThat(after.getString("updatedAt")).isNotEqualTo(before.getString("updatedAt"));
    }

    @Test
    void renewChangesKeyAndExpiryAndRecordsHistory() {
        String id = Fixtures.tenant(http, "CLOUD");
        String key = "RENEW-" + Fixtures.unique();

        Http.Response r = http.put(TENANTS + "/" + id + "/licence", "{\"key\":\"" + key + "\",\"expiresOn\":\"2101-06-30\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject licence = http.get(TENANTS + "/" + id).json().getJsonObject("licence");
        assertThat(licence.getString("key")).isEqualTo(key);
        assertThat(licence.getString("expiresOn")).isEqualTo("2101-06-30");
        assertThat(licence.getString("status")).isEqualTo("ACTIVE");
        JsonArray history = history(id);
        assertThat(reasons(history)).containsExactly("REGISTERED", "RENEWED");
        JsonObject renewed = history.getJsonObject(1);
        assertThat(renewed.getString("fromStatus")).isEqualTo("ACTIVE");
        assertThat(renewed.getString("toStatus")).isEqualTo("ACTIVE");
        assertThat(renewed.getString("expiresOn")).isEqualTo("2101-06-30");
    }

    @Test
    void terminationNeedsAcknowledgementThenIsFinal() {
        String id = Fixtures.tenant(http, "CLOUD");
        String termination = TENANTS + "/" + id + "/licence/termination";

        problem(http.post(termination, "{}"), 409, "conflict", "acknowledgeErasure");
        problem(http.post(termination, "{\"acknowledgeErasure\":false,\"reason\":\"customer left\"}"), 409,
                "conflict", "acknowledgeErasure");
        assertThat(licence(id).getString("status")).isEqualTo("ACTIVE");
        assertThat(reasons(history(id))).containsExactly("REGISTERED");

        Http.Response done = http.post(termination, "{\"acknowledgeErasure\":true,\"reason\":\"customer left\"}");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().getJsonObject("licence").getString("status")).isEqualTo("TERMINATED");
        assertThat(licence(id).getString("status")).isEqualTo("TERMINATED");

        String keyBefore = licence(id).getString("key");
        problem(http.put(TENANTS + "/" + id + "/licence",
                "{\"key\":\"AFTER-" + Fixtures.unique() + "\",\"expiresOn\":\"2100-01-01\"}"), 409, "conflict");
        problem(http.post(termination, "{\"acknowledgeErasure\":true}"), 409, "conflict");
        assertThat(licence(id).getString("status")).isEqualTo("TERMINATED");
        assertThat(licence(id).getString("key")).isEqualTo(keyBefore);
        assertThat(reasons(history(id))).containsExactly("REGISTERED", "TERMINATED");
    }

    @Test
    void aTerminationKeepsItsReasonOnTheLicenceAndInItsHistory() {
        String id = Fixtures.tenant(http, "CLOUD");

        Http.Response done = http.post(TENANTS + "/" + id + "/licence/termination",
                "{\"acknowledgeErasure\":true,\"reason\":\"Customer moved to another vendor\"}");

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().getJsonObject("licence").getString("terminationReason"))
                .isEqualTo("Customer moved to another vendor");
        assertThat(licence(id).getString("terminationReason")).isEqualTo("Customer moved to another vendor");
        JsonArray h = history(id);
        assertThat(h.getJsonObject(h.size() - 1).getString("reason")).isEqualTo("TERMINATED");
        assertThat(h.getJsonObject(h.size() - 1).getString("note")).isEqualTo("Customer moved to another vendor");
        assertThat(h.getJsonObject(0).containsKey("note")).as("no reason given at registration").isFalse();
    }

    @Test
    void aTerminatedTenantAcceptsNoPersonalDataOfAnyKind() {
        String id = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, id);
        String one = TENANTS + "/" + id + "/subjects/" + s;
        // A hold on the tenant keeps its data through the termination, so the counts below cannot race the erasure.
        Fixtures.tenantHold(http, id);
        assertThat(http.post(TENANTS + "/" + id + "/licence/termination", "{\"acknowledgeErasure\":true}").status())
                .isEqualTo(200);

        JsonObject p = problem(http.post(TENANTS + "/" + id + "/subjects", "{\"email\":\"late@example.com\"}"),
                422, "licence-ended", "licence.state");
        assertThat(p.toString()).contains("TERMINATED").doesNotContain("late@example.com");
        problem(http.patch(one, "{\"displayName\":\"Late\"}"), 422, "licence-ended", "licence.state");
        problem(http.post(one + "/feedback", "{\"text\":\"late\"}"), 422, "licence-ended", "licence.state");
        problem(http.post(one + "/consents", "{\"purpose\":\"drip-emails\",\"action\":\"OBJECT\"}"), 422,
                "licence-ended", "licence.state");
        problem(http.send("POST", TENANTS + "/" + id + "/consent-imports", "application/x-ndjson",
                "{\"subjectId\":\"" + s + "\",\"purpose\":\"drip-emails\",\"action\":\"OBJECT\","
                        + "\"occurredAt\":\"2024-01-01T00:00:00Z\"}\n"), 422, "licence-ended", "licence.state");
        Database db = StewardServer.shared().database();
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM identity_subject WHERE tenant_id = ?", id)).isEqualTo(1);
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM identity_personal_record WHERE tenant_id = ?", id)).isZero();
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM consent_event WHERE tenant_id = ?", id)).isZero();
    }

    @Test
    void historyListsRegisteredRenewedTerminatedInOrder() {
        String id = Fixtures.tenant(http, "CLOUD");
        assertThat(http.put(TENANTS + "/" + id + "/licence",
                "{\"key\":\"H-" + Fixtures.unique() + "\",\"expiresOn\":\"2100-01-01\"}").status()).isEqualTo(200);
        assertThat(http.post(TENANTS + "/" + id + "/licence/termination", "{\"acknowledgeErasure\":true}").status())
                .isEqualTo(200);

        Http.Response r = http.get(TENANTS + "/" + id + "/licence/history");
        assertThat(r.status()).isEqualTo(200);
        JsonArray h = history(id);
        assertThat(reasons(h)).containsExactly("REGISTERED", "RENEWED", "TERMINATED");
        assertThat(h.getJsonObject(0).containsKey("fromStatus")).isFalse();
        assertThat(h.getJsonObject(0).getString("toStatus")).isEqualTo("ACTIVE");
        assertThat(h.getJsonObject(0).getString("expiresOn")).isEqualTo("2099-12-31");
        assertThat(h.getJsonObject(1).getString("expiresOn")).isEqualTo("2100-01-01");
        assertThat(h.getJsonObject(2).getString("fromStatus")).isEqualTo("ACTIVE");
        assertThat(h.getJsonObject(2).getString("toStatus")).isEqualTo("TERMINATED");
        List<String> at = new ArrayList<>();
        h.forEach(c -> at.add(c.asJsonObject().getString("changedAt")));
        assertThat(at).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(a)
                .compareTo(java.time.OffsetDateTime.parse(b)));
    }

    // ---------------------------------------------------------------- bad inputs on registration

    static Stream<Arguments> badRegistrations() {
        String u = Fixtures.unique();
        String site = "https://bad" + u + ".atlassian.net";
        String lic = "{\"key\":\"BAD-" + u + "\",\"expiresOn\":\"2099-01-01\"}";
        return Stream.of(
                Arguments.of("missing name", "{\"siteUrl\":\"" + site + "\",\"hostingMode\":\"CLOUD\",\"licence\":" + lic + "}",
                        "validation", "name"),
                Arguments.of("missing siteUrl", "{\"name\":\"N\",\"hostingMode\":\"CLOUD\",\"licence\":" + lic + "}",
                        "validation", "siteUrl"),
                Arguments.of("missing hostingMode", "{\"name\":\"N\",\"siteUrl\":\"" + site + "\",\"licence\":" + lic + "}",
                        "validation", "hostingMode"),
                Arguments.of("missing licence", "{\"name\":\"N\",\"siteUrl\":\"" + site + "\",\"hostingMode\":\"CLOUD\"}",
                        "validation", "licence"),
                Arguments.of("missing licence key", tenant("N", site, "CLOUD", null, "2099-01-01"), "validation",
                        "licence.key"),
                Arguments.of("missing licence expiry", tenant("N", site, "CLOUD", "BAD-" + u, null), "validation",
                        "licence.expiresOn"),
                Arguments.of("blank name", tenant("   ", site, "CLOUD", "BAD-" + u, "2099-01-01"), "validation", "name"),
                Arguments.of("201-char name", tenant("x".repeat(201), site, "CLOUD", "BAD-" + u, "2099-01-01"),
                        "validation", "name"),
                Arguments.of("ftp siteUrl", tenant("N", "ftp://files.example.com", "CLOUD", "BAD-" + u, "2099-01-01"),
                        "validation", "siteUrl"),
                Arguments.of("siteUrl without scheme", tenant("N", "acme.atlassian.net", "CLOUD", "BAD-" + u, "2099-01-01"),
                        "validation", "siteUrl"),
                Arguments.of("siteUrl with a space", tenant("N", "https://acme .atlassian.net", "CLOUD", "BAD-" + u,
                        "2099-01-01"), "validation", "siteUrl"),
                Arguments.of("hostingMode MOON", tenant("N", site, "MOON", "BAD-" + u, "2099-01-01"), "validation",
                        "hostingMode"),
                Arguments.of("hostingMode lower case", tenant("N", site, "cloud", "BAD-" + u, "2099-01-01"), "validation",
                        "hostingMode"),
                Arguments.of("month 13", tenant("N", site, "CLOUD", "BAD-" + u, "2027-13-01"), "wrong-type",
                        "licence.expiresOn"),
                Arguments.of("not a date", tenant("N", site, "CLOUD", "BAD-" + u, "next year"), "wrong-type",
                        "licence.expiresOn"),
                Arguments.of("licence key with spaces", tenant("N", site, "CLOUD", "SEN 123 456", "2099-01-01"),
                        "validation", "licence.key"),
                Arguments.of("65-char licence key", tenant("N", site, "CLOUD", "K".repeat(65), "2099-01-01"),
                        "validation", "licence.key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badRegistrationIsRefusedAndNothingIsStored(String why, String body, String slug, String field) {
        Set<String> before = allTenantIds();
        problem(http.post(TENANTS, body), 400, slug, field);
        assertThat(allTenantIds()).isEqualTo(before);
    }

    @Test
    void nameOf200CharactersIsAccepted() {
        String u = Fixtures.unique();
        Http.Response r = http.post(TENANTS, tenant("n".repeat(200), "https://" + u + ".example.com", "CLOUD",
                "MAX-" + u, "2099-01-01"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().getString("name")).hasSize(200);
    }

    @Test
    void duplicateLicenceKeyIsAConflictOnLicenceKey() {
        String u = Fixtures.unique();
        String key = "DUP-" + u;
        assertThat(http.post(TENANTS, tenant("First", "https://first" + u + ".example.com", "CLOUD", key, "2099-01-01"))
                .status()).isEqualTo(201);
        Set<String> before = allTenantIds();

        problem(http.post(TENANTS, tenant("Second", "https://second" + u + ".example.com", "DATA_CENTER", key,
                "2099-01-01")), 409, "conflict", "licence.key");

        assertThat(allTenantIds()).isEqualTo(before);
    }

    @Test
    void renewingToAnotherTenantsKeyIsAConflictOnKey() {
        String u = Fixtures.unique();
        String taken = "TAKEN-" + u;
        assertThat(http.post(TENANTS, tenant("Holder", "https://h" + u + ".example.com", "CLOUD", taken, "2099-01-01"))
                .status()).isEqualTo(201);
        String id = Fixtures.tenant(http, "CLOUD");
        JsonObject before = licence(id);

        problem(http.put(TENANTS + "/" + id + "/licence", "{\"key\":\"" + taken + "\",\"expiresOn\":\"2100-01-01\"}"),
                409, "conflict", "key");

        assertThat(licence(id)).isEqualTo(before);
        assertThat(reasons(history(id))).containsExactly("REGISTERED");
    }

    @Test
    void renewingToItsOwnKeyIsAllowed() {
        String id = Fixtures.tenant(http, "CLOUD");
        String key = licence(id).getString("key");
        Http.Response r = http.put(TENANTS + "/" + id + "/licence", "{\"key\":\"" + key + "\",\"expiresOn\":\"2100-02-02\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(licence(id).getString("expiresOn")).isEqualTo("2100-02-02");
    }

    // ---------------------------------------------------------------- bad inputs on update and renewal

    static Stream<Arguments> badUpdates() {
        return Stream.of(
                Arguments.of("{\"siteUrl\":\"https://x.example.com\"}", "validation", "name"),
                Arguments.of("{\"name\":\"  \",\"siteUrl\":\"https://x.example.com\"}", "validation", "name"),
                Arguments.of("{\"name\":\"" + "y".repeat(201) + "\",\"siteUrl\":\"https://x.example.com\"}", "validation", "name"),
                Arguments.of("{\"name\":\"N\"}", "validation", "siteUrl"),
                Arguments.of("{\"name\":\"N\",\"siteUrl\":\"not a url\"}", "validation", "siteUrl"),
                Arguments.of("{\"name\":\"N\",\"siteUrl\":\"https://x.example.com\",\"hostingMode\":\"DATA_CENTER\"}",
                        "unknown-field", "hostingMode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUpdates")
    void badUpdateIsRefusedAndNothingChanges(String body, String slug, String field) {
        String id = Fixtures.tenant(http, "CLOUD");
        JsonObject before = http.get(TENANTS + "/" + id).json();
        problem(http.put(TENANTS + "/" + id, body), 400, slug, field);
        assertThat(http.get(TENANTS + "/" + id).json()).isEqualTo(before);
    }

    static Stream<Arguments> badRenewals() {
        return Stream.of(
                Arguments.of("{\"expiresOn\":\"2100-01-01\"}", "validation", "key"),
                Arguments.of("{\"key\":\"NEW-1\"}", "validation", "expiresOn"),
                Arguments.of("{\"key\":\"has space\",\"expiresOn\":\"2100-01-01\"}", "validation", "key"),
                Arguments.of("{\"key\":\"NEW-1\",\"expiresOn\":\"2027-13-01\"}", "wrong-type", "expiresOn"),
                Arguments.of("{\"key\":\"NEW-1\",\"expiresOn\":\"2100-01-01\",\"status\":\"ACTIVE\"}", "unknown-field",
                        "status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRenewals")
    void badRenewalIsRefusedAndNothingChanges(String body, String slug, String field) {
        String id = Fixtures.tenant(http, "CLOUD");
        JsonObject before = licence(id);
        problem(http.put(TENANTS + "/" + id + "/licence", body), 400, slug, field);
        assertThat(licence(id)).isEqualTo(before);
        assertThat(reasons(history(id))).containsExactly("REGISTERED");
    }

    @Test
    void emptyBodiesAreMissingBodies() {
        String id = Fixtures.tenant(http, "CLOUD");
        problem(http.put(TENANTS + "/" + id, null), 400, "missing-body");
        problem(http.put(TENANTS + "/" + id + "/licence", null), 400, "missing-body");
        problem(http.post(TENANTS + "/" + id + "/licence/termination", null), 400, "missing-body");
        assertThat(licence(id).getString("status")).isEqualTo("ACTIVE");
    }

    // ---------------------------------------------------------------- unknown tenants

    @ParameterizedTest
    @ValueSource(strings = {UNKNOWN_UUID, "garbage", "01a22993-eaac-7b25-a65d-0a1dff54f7b", "0"})
    void unknownTenantIsNotFoundOnEveryEndpoint(String id) {
        String t = TENANTS + "/" + id;
        problem(http.get(t), 404, "not-found");
        problem(http.put(t, "{\"name\":\"N\",\"siteUrl\":\"https://x.example.com\"}"), 404, "not-found");
        problem(http.put(t + "/licence", "{\"key\":\"K-" + Fixtures.unique() + "\",\"expiresOn\":\"2100-01-01\"}"), 404,
                "not-found");
        problem(http.post(t + "/licence/termination", "{\"acknowledgeErasure\":true}"), 404, "not-found");
        problem(http.get(t + "/licence/history"), 404, "not-found");
        assertThat(allTenantIds()).doesNotContain(id);
    }

    // ---------------------------------------------------------------- paging parameters

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "abc", "-1", "1.5", "99999999999"})
    void badLimitIsRefused(String limit) {
        problem(http.get(TENANTS + "?limit=" + limit), 400, "validation", "limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "200"})
    void limitBoundsAreAccepted(String limit) {
        Fixtures.tenant(http, "CLOUD");
        Http.Response r = http.get(TENANTS + "?limit=" + limit);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getJsonArray("items").size()).isBetween(1, Integer.parseInt(limit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "Zm9v", "not-a-cursor"})
    void badCursorIsRefused(String cursor) {
        problem(http.get(TENANTS + "?cursor=" + cursor), 400, "validation", "cursor");
    }

    // ---------------------------------------------------------------- helpers

    static String tenant(String name, String siteUrl, String hostingMode, String key, String expiresOn) {
        StringBuilder licence = new StringBuilder("{");
        if (key != null) {
            licence.append("\"key\":\"").append(key).append('"');
        }
        if (expiresOn != null) {
            licence.append(key != null ? "," : "").append("\"expiresOn\":\"").append(expiresOn).append('"');
        }
        licence.append('}');
        return "{\"name\":\"" + name + "\",\"siteUrl\":\"" + siteUrl + "\",\"hostingMode\":\"" + hostingMode
                + "\",\"licence\":" + licence + "}";
    }

    private JsonObject licence(String id) {
        Http.Response r = http.get(TENANTS + "/" + id);
        assertThat(r.status()).isEqualTo(200);
        return r.json().getJsonObject("licence");
    }

    private JsonArray history(String id) {
        Http.Response r = http.get(TENANTS + "/" + id + "/licence/history");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
            return reader.readArray();
        }
    }

    private static List<String> reasons(JsonArray history) {
        return history.stream().map(c -> c.asJsonObject().getString("reason")).toList();
    }

    /** Every tenant id on the server, walking the whole list. */
    private Set<String> allTenantIds() {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            Http.Response r = http.get(TENANTS + "?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonObject page = r.json();
            page.getJsonArray("items").forEach(i -> ids.add(i.asJsonObject().getString("id")));
            cursor = page.getString("nextCursor", null);
            assertThat(cursor == null || cursors.add(cursor)).as("cursor repeats").isTrue();
        } while (cursor != null);
        return ids;
    }
}
