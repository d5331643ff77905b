package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.steward.it.support.StewardServer;

class SubjectsIT {

    private static final String UNKNOWN_UUID = "00000000-0000-7000-8000-000000000000";

    private final Http http = StewardServer.shared().http();

    // ---------------------------------------------------------------- happy paths

    @Test
    void aDataCenterTenantStoresNoSubjectAndNoConsent() {
        String t = Fixtures.tenant(http, "DATA_CENTER");

        JsonObject p = problem(http.post("/api/v1/tenants/" + t + "/subjects", "{\"email\":\"dc@example.com\"}"),
                422, "data-center-no-personal-data", "hostingMode");

        assertThat(p.toString()).doesNotContain("dc@example.com");
        assertThat(http.get("/api/v1/tenants/" + t + "/subjects").json().getJsonArray("items")).isEmpty();
        problem(http.send("POST", "/api/v1/tenants/" + t + "/consent-imports", "application/x-ndjson",
                "{\"subjectId\":\"" + UNKNOWN_UUID + "\",\"purpose\":\"drip-emails\",\"action\":\"OBJECT\","
                        + "\"occurredAt\":\"2024-01-01T00:00:00Z\"}\n"), 422, "data-center-no-personal-data",
                "hostingMode");
    }

    @Test
    void anEndedTenantRegistersNoSubjectAndRectifiesNone() {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        assertThat(http.post("/api/v1/tenants/" + t + "/licence/termination", "{\"acknowledgeErasure\":true}")
                .status()).isEqualTo(200);

        problem(http.post("/api/v1/tenants/" + t + "/subjects", "{\"email\":\"after@example.com\"}"), 422,
                "licence-ended", "licence.state");
        problem(http.patch("/api/v1/tenants/" + t + "/subjects/" + s, "{\"email\":\"after@example.com\"}"), 422,
                "licence-ended", "licence.state");
        assertThat(http.get("/api/v1/tenants/" + t + "/subjects?email=after%40example.com").json()
                .getJsonArray("items")).isEmpty();
    }

    @Test
    void registersGetsAndFindsByEveryIdentifier() {
        String t = Fixtures.tenant(http, "CLOUD");
        String u = Fixtures.unique();
        Http.Response r = http.post(subjects(t), "{\"email\":\"Alice." + u + "@Example.com\",\"username\":\"Alice_" + u
                + "\",\"accountId\":\"557058:" + u + "-ab\",\"displayName\":\"Alice Liddell\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonObject s = r.json();
        String id = s.getString("id");
        assertThat(r.header("Location")).endsWith(subjects(t) + "/" + id);
        assertThat(s.getString("tenantId")).isEqualTo(t);
        assertThat(s.getString("email")).isEqualTo("Alice." + u + "@Example.com");
        assertThat(s.getString("username")).isEqualTo("Alice_" + u);
        assertThat(s.getString("accountId")).isEqualTo("557058:" + u + "-ab");
        assertThat(s.getString("displayName")).isEqualTo("Alice Liddell");
        assertThat(s.getBoolean("minor")).isFalse();

        Http.Response got = http.get(subjects(t) + "/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(s);

        assertThat(ids(find(t, "email", "alice." + u + "@EXAMPLE.com"))).containsExactly(id);
        assertThat(ids(find(t, "email", "ALICE." + u + "@example.COM"))).containsExactly(id);
        assertThat(ids(find(t, "username", "alice_" + u))).containsExactly(id);
        assertThat(ids(find(t, "username", "ALICE_" + u))).containsExactly(id);
        assertThat(ids(find(t, "accountId", "557058:" + u + "-ab"))).containsExactly(id);
        assertThat(ids(find(t, "email", "nobody-" + u + "@example.com"))).isEmpty();
        JsonObject found = find(t, "email", "alice." + u + "@example.com");
        assertThat(found.containsKey("nextCursor")).isFalse();
        assertThat(found.getJsonArray("items").getJsonObject(0)).isEqualTo(s);
    }

    @Test
    void registersWithAnyOneIdentifier() {
        String t = Fixtures.tenant(http, "CLOUD");
        String u = Fixtures.unique();
        assertThat(http.post(subjects(t), "{\"username\":\"only-" + u + "\"}").status()).isEqualTo(201);
        assertThat(http.post(subjects(t), "{\"accountId\":\"acc-" + u + "\"}").status()).isEqualTo(201);
        Http.Response r = http.post(subjects(t), "{\"email\":\"only-" + u + "@example.com\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().containsKey("username")).isFalse();
        assertThat(list(t, null)).hasSize(3);
    }

    @Test
    void twoIdentifiersAtOnceIsRefused() {
        String t = Fixtures.tenant(http, "CLOUD");
        JsonObject p = problem(http.get(subjects(t) + "?email=a%40example.com&username=a"), 400, "validation",
                "email", "username");
        assertThat(ProblemAssert.fields(p)).doesNotContain("accountId");
        problem(http.get(subjects(t) + "?username=a&accountId=b"), 400, "validation", "username", "accountId");
        problem(http.get(subjects(t) + "?email=a%40example.com&username=a&accountId=b"), 400, "validation", "email",
                "username", "accountId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "username", "accountId"})
    void blankOrOverlongSearchValueIsRefused(String by) {
        String t = Fixtures.tenant(http, "CLOUD");
        problem(http.get(subjects(t) + "?" + by + "="), 400, "validation", by);
        problem(http.get(subjects(t) + "?" + by + "=%20%20"), 400, "validation", by);
        problem(http.get(subjects(t) + "?" + by + "=" + "x".repeat(255)), 400, "validation", by);
    }

    @Test
    void rectifyReplacesGivenFieldsAndMovesTheIndex() {
        String t = Fixtures.tenant(http, "CLOUD");
        String u = Fixtures.unique();
        String id = http.post(subjects(t), "{\"email\":\"old-" + u + "@example.com\",\"username\":\"keep-" + u
                + "\",\"displayName\":\"Old Name\"}").json().getString("id");
        JsonObject before = http.get(subjects(t) + "/" + id).json();

        Http.Response r = http.patch(subjects(t) + "/" + id, "{\"email\":\"New-" + u + "@example.com\","
                + "\"displayName\":\"New Name\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject after = http.get(subjects(t) + "/" + id).json();
        assertThat(after).isEqualTo(r.json());
        assertThat(after.getString("email")).isEqualTo("New-" + u + "@example.com");
        assertThat(after.getString("displayName")).isEqualTo("New Name");
        assertThat(after.getString("username")).isEqualTo("keep-" + u);
        assertThat(after.getString("createdAt")).isEqualTo(before.getString("createdAt"));
        assertThat(after.getString("updatedAt")).isNotEqualTo(before.getString("updatedAt"));
        assertThat(ids(find(t, "email", "old-" + u + "@example.com"))).isEmpty();
        assertThat(ids(find(t, "email", "new-" + u + "@EXAMPLE.com"))).containsExactly(id);
        assertThat(ids(find(t, "username", "keep-" + u))).containsExactly(id);

        // A merge-patch client is served too.
        Http.Response merge = http.send("PATCH", subjects(t) + "/" + id, "application/merge-patch+json",
                "{\"username\":\"moved-" + u + "\"}");
        assertThat(merge.status()).as(merge.toString()).isEqualTo(200);
        assertThat(ids(find(t, "username", "keep-" + u))).isEmpty();
        assertThat(ids(find(t, "username", "moved-" + u))).containsExactly(id);
    }

    @Test
    void rectifyToItsOwnIdentifierIsAllowed() {
        String t = Fixtures.tenant(http, "CLOUD");
        String u = Fixtures.unique();
        String id = http.post(subjects(t), "{\"email\":\"self-" + u + "@example.com\"}").json().getString("id");
        Http.Response r = http.patch(subjects(t) + "/" + id, "{\"email\":\"SELF-" + u + "@example.com\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(ids(find(t, "email", "self-" + u + "@example.com"))).containsExactly(id);
    }

    @Test
    void emptyRectificationIsRefusedAndChangesNothing() {
        String t = Fixtures.tenant(http, "CLOUD");
        String id = Fixtures.subject(http, t);
        JsonObject before = http.get(subjects(t) + "/" + id).json();

        problem(http.patch(subjects(t) + "/" + id, "{}"), 400, "validation", "body");
        problem(http.patch(subjects(t) + "/" + id, null), 400, "missing-body");
        problem(http.patch(subjects(t) + "/" + id, "{\"email\":\"not-an-email\"}"), 400, "validation", "email");
        problem(http.patch(subjects(t) + "/" + id, "{\"minor\":true}"), 400, "unknown-field", "minor");

        assertThat(http.get(subjects(t) + "/" + id).json()).isEqualTo(before);
    }

    @Test
    void rectifyToAnotherSubjectsIdentifierIsAConflict() {
        String t = Fixtures.tenant(http, "CLOUD");
        String u = Fixtures.unique();
        http.post(subjects(t), "{\"email\":\"taken-" + u + "@example.com\",\"username\":\"taken-" + u + "\"}");
        String id = http.post(subjects(t), "{\"email\":\"mine-" + u + "@example.com\"}").json().getString("id");
        JsonObject before = http.get(subjects(t) + "/" + id).json();

        problem(http.patch(subjects(t) + "/" + id, "{\"email\":\"Taken-" + u + "@example.com\"}"), 409, "conflict",
                "email");
        problem(http.patch(subjects(t) + "/" + id, "{\"username\":\"TAKEN-" + u + "\"}"), 409, "conflict", "username");

        assertThat(http.get(subjects(t) + "/" + id).json()).isEqualTo(before);
        assertThat(ids(find(t, "email", "mine-" + u + "@example.com"))).containsExactly(id);
    }

    @Test
    void flagsAsMinorIdempotently() {
        String t = Fixtures.tenant(http, "CLOUD");
        String id = Fixtures.subject(http, t);

        Http.Response first = http.post(subjects(t) + "/" + id + "/minor", null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getBoolean("minor")).isTrue();
        Http.Response second = http.post(subjects(t) + "/" + id + "/minor", null);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().getBoolean("minor")).isTrue();
        assertThat(second.json().getString("updatedAt")).isEqualTo(first.json().getString("updatedAt"));
        assertThat(http.get(subjects(t) + "/" + id).json().getBoolean("minor")).isTrue();
    }

    @Test
    void listsSubjectsInPages() {
        String t = Fixtures.tenant(http, "CLOUD");
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(Fixtures.subject(http, t));
        }
        Fixtures.subject(http, Fixtures.tenant(http, "CLOUD")); // another tenant's: never listed here

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Http.Response r = http.get(subjects(t) + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonObject page = r.json();
            sizes.add(page.getJsonArray("items").size());
            page.getJsonArray("items").forEach(i -> seen.add(i.asJsonObject().getString("id")));
            cursor = page.getString("nextCursor", null);
        } while (cursor != null && sizes.size() < 20);

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(mine);
        assertThat(list(t, null)).hasSize(5);
    }

    @Test
    void sameIdentifiersInAnotherTenantAreFine() {
        String a = Fixtures.tenant(http, "CLOUD");
        String b = Fixtures.tenant(http, "CLOUD");
        String u = Fixtures.unique();
        String body = "{\"email\":\"shared-" + u + "@example.com\",\"username\":\"shared-" + u
                + "\",\"accountId\":\"shared-" + u + "\"}";
        Http.Response inA = http.post(subjects(a), body);
        Http.Response inB = http.post(subjects(b), body);
        assertThat(inA.status()).as(inA.toString()).isEqualTo(201);
        assertThat(inB.status()).as(inB.toString()).isEqualTo(201);
        assertThat(ids(find(a, "email", "shared-" + u + "@example.com"))).containsExactly(inA.json().getString("id"));
        assertThat(ids(find(b, "email", "shared-" + u + "@example.com"))).containsExactly(inB.json().getString("id"));
    }

    // ---------------------------------------------------------------- bad inputs

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                Arguments.of("no identifier", "{}", "email"),
                Arguments.of("only a display name", "{\"displayName\":\"Nobody\"}", "email"),
                Arguments.of("bad email", "{\"email\":\"not-an-email\"}", "email"),
                Arguments.of("email with two @", "{\"email\":\"a@b@example.com\"}", "email"),
                Arguments.of("empty email", "{\"email\":\"\"}", "email"),
                Arguments.of("blank email", "{\"email\":\"   \"}", "email"),
                Arguments.of("255-char email", "{\"email\":\"" + "e".repeat(243) + "@example.com\"}", "email"),
                Arguments.of("empty username", "{\"username\":\"\"}", "username"),
                Arguments.of("blank username", "{\"username\":\"   \"}", "username"),
                Arguments.of("129-char username", "{\"username\":\"" + "u".repeat(129) + "\"}", "username"),
                Arguments.of("accountId with a space", "{\"accountId\":\"abc def\"}", "accountId"),
                Arguments.of("accountId with a slash", "{\"accountId\":\"abc/def\"}", "accountId"),
                Arguments.of("accountId with an @", "{\"accountId\":\"abc@def\"}", "accountId"),
                Arguments.of("empty accountId", "{\"accountId\":\"\"}", "accountId"),
                Arguments.of("129-char accountId", "{\"accountId\":\"" + "a".repeat(129) + "\"}", "accountId"),
                Arguments.of("201-char displayName", "{\"email\":\"dn-" + Fixtures.unique() + "@example.com\","
                        + "\"displayName\":\"" + "d".repeat(201) + "\"}", "displayName"),
                Arguments.of("blank displayName", "{\"email\":\"dn-" + Fixtures.unique() + "@example.com\","
                        + "\"displayName\":\"  \"}", "displayName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badRegistrationIsRefusedAndNothingIsStored(String why, String body, String field) {
        String t = Fixtures.tenant(http, "CLOUD");
        problem(http.post(subjects(t), body), 400, "validation", field);
        assertThat(list(t, null)).isEmpty();
    }

    @Test
    void longestAccountIdIsAccepted() {
        String t = Fixtures.tenant(http, "CLOUD");
        Http.Response r = http.post(subjects(t), "{\"accountId\":\"" + "a:-9".repeat(32) + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "username", "accountId"})
    void duplicateIdentifierInTheSameTenantIsAConflictNamingIt(String field) {
        String t = Fixtures.tenant(http, "CLOUD");
        String u = Fixtures.unique();
        String value = field.equals("email") ? "dup-" + u + "@example.com" : "dup-" + u;
        assertThat(http.post(subjects(t), "{\"" + field + "\":\"" + value + "\"}").status()).isEqualTo(201);

        String again = field.equals("accountId") ? value : value.toUpperCase();
        problem(http.post(subjects(t), "{\"" + field + "\":\"" + again + "\",\"displayName\":\"Second\"}"), 409,
                "conflict", field);

        assertThat(list(t, null)).hasSize(1);
    }

    @Test
    void subjectOfAnotherTenantIsNotFound() {
        String a = Fixtures.tenant(http, "CLOUD");
        String b = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, a);

        problem(http.get(subjects(b) + "/" + s), 404, "not-found");
        problem(http.patch(subjects(b) + "/" + s, "{\"displayName\":\"Hijack\"}"), 404, "not-found");
        problem(http.post(subjects(b) + "/" + s + "/minor", null), 404, "not-found");

        JsonObject inA = http.get(subjects(a) + "/" + s).json();
        assertThat(inA.containsKey("displayName")).isFalse();
        assertThat(inA.getBoolean("minor")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {UNKNOWN_UUID, "garbage"})
    void unknownSubjectIsNotFound(String id) {
        String t = Fixtures.tenant(http, "CLOUD");
        problem(http.get(subjects(t) + "/" + id), 404, "not-found");
        problem(http.patch(subjects(t) + "/" + id, "{\"displayName\":\"X\"}"), 404, "not-found");
        problem(http.post(subjects(t) + "/" + id + "/minor", null), 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {UNKNOWN_UUID, "garbage"})
    void unknownTenantIsNotFound(String t) {
        problem(http.post(subjects(t), "{\"email\":\"x-" + Fixtures.unique() + "@example.com\"}"), 404, "not-found");
        problem(http.get(subjects(t)), 404, "not-found");
        problem(http.get(subjects(t) + "?email=x%40example.com"), 404, "not-found");
        problem(http.get(subjects(t) + "/" + UNKNOWN_UUID), 404, "not-found");
    }

    @Test
    void badPagingIsRefused() {
        String t = Fixtures.tenant(http, "CLOUD");
        problem(http.get(subjects(t) + "?limit=0"), 400, "validation", "limit");
        problem(http.get(subjects(t) + "?limit=201"), 400, "validation", "limit");
        problem(http.get(subjects(t) + "?limit=abc"), 400, "validation", "limit");
        problem(http.get(subjects(t) + "?cursor=%21%21"), 400, "validation", "cursor");
    }

    // ---------------------------------------------------------------- special-category data (policy §7)

    @ParameterizedTest
    @ValueSource(strings = {"Sam (on parole since 2021)", "Jo, proud lesbian", "Kim - union rep", "Ahmed the Muslim",
            "Pat (ethnic Kurd)", "Alex, DNA test pending"})
    void aDisplayNameWithSpecialCategoryDataIsRefusedAndNothingIsStored(String displayName) throws Exception {
        String t = Fixtures.tenant(http, "CLOUD");
        String u = Fixtures.unique();

        JsonObject p = problem(http.post(subjects(t), "{\"email\":\"sc-" + u + "@example.com\",\"displayName\":"
                + "\"" + displayName + "\"}"), 422, "sensitive-data", "displayName");

        assertThat(p.getJsonArray("errors").getJsonObject(0).getString("message")).contains("special-category");
        assertThat(p.toString()).as("the refusal never echoes the name").doesNotContain(displayName);
        assertThat(list(t, null)).isEmpty();
        assertThat(java.nio.file.Files.readString(StewardServer.shared().log()))
                .as("the server log must not contain the refused name").doesNotContain(displayName);
    }

    @Test
    void theRefusalNamesTheCategory() {
        String t = Fixtures.tenant(http, "CLOUD");
        JsonObject p = problem(http.post(subjects(t), "{\"username\":\"u-" + Fixtures.unique()
                + "\",\"displayName\":\"Lee, sentenced to two years\"}"), 422, "sensitive-data", "displayName");
        assertThat(p.getJsonArray("errors").getJsonObject(0).getString("message")).contains("CRIMINAL_CONVICTION");
        assertThat(p.getString("detail")).contains("displayName").contains("CRIMINAL_CONVICTION")
                .doesNotContain("sentenced");
    }

    @Test
    void rectifyingToASensitiveDisplayNameIsRefusedAndTheOldOneKept() {
        String t = Fixtures.tenant(http, "CLOUD");
        String u = Fixtures.unique();
        String id = http.post(subjects(t), "{\"email\":\"rn-" + u + "@example.com\",\"displayName\":\"Robin\"}")
                .json().getString("id");

        problem(http.patch(subjects(t) + "/" + id, "{\"displayName\":\"Robin (HIV positive)\"}"), 422,
                "sensitive-data", "displayName");

        assertThat(http.get(subjects(t) + "/" + id).json().getString("displayName")).isEqualTo("Robin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Christian Müller", "Faith Okafor", "Grace Black", "Mercedes Union", "Parker Race"})
    void ordinaryDisplayNamesPass(String displayName) {
        String t = Fixtures.tenant(http, "CLOUD");
        Http.Response r = http.post(subjects(t), "{\"email\":\"n-" + Fixtures.unique() + "@example.com\","
                + "\"displayName\":\"" + displayName + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().getString("displayName")).isEqualTo(displayName);
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void aSubjectIsFoundByAnIdentifierSentInTheBodyAndTheSearchNamesItsBadFields() {
        String t = Fixtures.tenant(http, "CLOUD");
        String u = Fixtures.unique();
        String id = http.post(subjects(t), "{\"email\":\"search." + u + "@example.com\",\"username\":\"search_" + u
                + "\"}").json().getString("id");
        Http.Response found = http.post(subjects(t) + "/search", "{\"email\":\"SEARCH." + u + "@example.com\"}");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(ids(found.json())).containsExactly(id);
        assertThat(ids(http.post(subjects(t) + "/search", "{\"username\":\"search_" + u + "\"}").json()))
                .containsExactly(id);
        assertThat(ids(http.post(subjects(t) + "/search", "{\"email\":\"nobody." + u + "@example.com\"}").json()))
                .isEmpty();
        problem(http.post(subjects(t) + "/search", "{}"), 400, "validation", "email");
        problem(http.post(subjects(t) + "/search", "{\"email\":\"a@example.com\",\"username\":\"a\"}"), 400,
                "validation", "username");
        problem(http.post(subjects(t) + "/search", "{\"accountId\":\"\"}"), 400, "validation", "accountId");
    }

    private static String subjects(String tenantId) {
        return "/api/v1/tenants/" + tenantId + "/subjects";
    }

    private JsonObject find(String tenantId, String by, String value) {
        Http.Response r = http.get(subjects(tenantId) + "?" + by + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private JsonArray list(String tenantId, String query) {
        Http.Response r = http.get(subjects(tenantId) + "?limit=200" + (query == null ? "" : "&" + query));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().getJsonArray("items");
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("id")).toList();
    }
}
