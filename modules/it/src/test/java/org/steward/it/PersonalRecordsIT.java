package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.it.support.Tables;

class PersonalRecordsIT {

    private static final String TOKEN = "pat-ATATT3xFfGF0-" + Fixtures.unique() + "-s3cr3t";
    private static final String UNKNOWN_UUID = "00000000-0000-7000-8000-000000000000";

    /** The five record types of policy §4b, each with a valid body and the field that holds its main text. */
    enum Kind {
        CONTACTS("contacts", "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"username\":\"ada\","
                + "\"message\":\"Please call me back about the renewal\",\"obtainedAt\":\"2024-05-01T10:15:30Z\"}"),
        FEEDBACK("feedback", "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"text\":\"The sync is great, order 12345\"}"),
        CONNECTIONS("connections", "{\"siteUrl\":\"https://ada.atlassian.net\",\"userEmail\":\"ada@example.com\","
                + "\"personalAccessToken\":\"" + TOKEN + "\",\"obtainedAt\":\"2024-05-01T10:15:30+02:00\"}"),
        SYNC_PROFILES("sync-profiles", "{\"name\":\"Jira to Jira\",\"statusMappings\":{\"Open\":\"To Do\","
                + "\"Closed\":\"Done\"},\"issueTypes\":[\"Bug\",\"Story\"],\"fieldValues\":{\"environment\":"
                + "\"production\"},\"userEmailMappings\":{\"ada@example.com\":\"ada@target.example.com\"}}"),
        DRIP_ACTIVITY("drip-activity", "{\"sequence\":\"onboarding-v2\",\"step\":3,\"event\":\"OPENED\","
                + "\"obtainedAt\":\"2024-05-02T09:00:00-05:00\"}");

        final String path;
        final String body;

        Kind(String path, String body) {
            this.path = path;
            this.body = body;
        }
    }

    private final Http http = StewardServer.shared().http();

    // ---------------------------------------------------------------- happy paths

    @ParameterizedTest
    @EnumSource(Kind.class)
    void storesListsAndGetsEachRecordType(Kind kind) {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        String base = records(t, s, kind);

        Http.Response created = http.post(base, kind.body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject rec = created.json();
        String id = rec.getString("id");
        assertThat(created.header("Location")).endsWith(base + "/" + id);
        assertThat(rec.getString("subjectId")).isEqualTo(s);
        assertThat(rec.getString("createdAt")).isNotBlank();
        assertThat(rec.getString("obtainedAt")).isNotBlank();

        Http.Response one = http.get(base + "/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertSameRecord(one.json(), rec);

        Http.Response list = http.get(base);
        assertThat(list.status()).isEqualTo(200);
        JsonArray items = list.json().getJsonArray("items");
        assertThat(items).hasSize(1);
        assertSameRecord(items.getJsonObject(0), rec);
        assertThat(list.json().containsKey("nextCursor")).isFalse();

        switch (kind) {
            case CONTACTS -> {
                assertThat(rec.getString("name")).isEqualTo("Ada Lovelace");
                assertThat(rec.getString("email")).isEqualTo("ada@example.com");
                assertThat(rec.getString("username")).isEqualTo("ada");
                assertThat(rec.getString("message")).isEqualTo("Please call me back about the renewal");
                assertThat(OffsetDateTime.parse(rec.getString("obtainedAt")).toInstant())
                        .isEqualTo(OffsetDateTime.parse("2024-05-01T10:15:30Z").toInstant());
            }
            case FEEDBACK -> assertThat(rec.getString("text")).isEqualTo("The sync is great, order 12345");
            case CONNECTIONS -> {
                assertThat(rec.getBoolean("hasToken")).isTrue();
                assertThat(rec.getString("siteUrl")).isEqualTo("https://ada.atlassian.net");
                assertThat(rec.getString("userEmail")).isEqualTo("ada@example.com");
                assertThat(rec.containsKey("personalAccessToken")).isFalse();
                assertThat(OffsetDateTime.parse(rec.getString("obtainedAt")).toInstant())
                        .isEqualTo(OffsetDateTime.parse("2024-05-01T08:15:30Z").toInstant());
            }
            case SYNC_PROFILES -> {
                assertThat(rec.getString("name")).isEqualTo("Jira to Jira");
                assertThat(rec.getJsonObject("statusMappings").getString("Closed")).isEqualTo("Done");
                assertThat(rec.getJsonArray("issueTypes").getString(1)).isEqualTo("Story");
                assertThat(rec.getJsonObject("fieldValues").getString("environment")).isEqualTo("production");
                assertThat(rec.getJsonObject("userEmailMappings").getString("ada@example.com"))
                        .isEqualTo("ada@target.example.com");
            }
            case DRIP_ACTIVITY -> {
                assertThat(rec.getString("sequence")).isEqualTo("onboarding-v2");
                assertThat(rec.getInt("step")).isEqualTo(3);
                assertThat(rec.getString("event")).isEqualTo("OPENED");
                assertThat(OffsetDateTime.parse(rec.getString("obtainedAt")).toInstant())
                        .isEqualTo(OffsetDateTime.parse("2024-05-02T14:00:00Z").toInstant());
            }
        }
        // Records of one type never show under another.
        for (Kind other : Kind.values()) {
            if (other != kind) {
                assertThat(http.get(records(t, s, other)).json().getJsonArray("items")).isEmpty();
                problem(http.get(records(t, s, other) + "/" + id), 404, "not-found");
            }
        }
    }

    @Test
    void connectionTokenIsNeverReturned() {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        String base = records(t, s, Kind.CONNECTIONS);
        List<Http.Response> answers = new ArrayList<>();

        Http.Response created = http.post(base, Kind.CONNECTIONS.body);
        answers.add(created);
        String id = created.json().getString("id");
        answers.add(http.get(base));
        answers.add(http.get(base + "/" + id));
        answers.add(http.get(base + "?limit=1"));
        // A refused request echoes nothing either.
        answers.add(http.post(base, "{\"siteUrl\":\"not a url\",\"userEmail\":\"ada@example.com\","
                + "\"personalAccessToken\":\"" + TOKEN + "\"}"));
        answers.add(http.post(base, "{\"siteUrl\":\"https://ada.atlassian.net\",\"userEmail\":\"ada@example.com\","
                + "\"personalAccessToken\":\"" + TOKEN + "\",\"extra\":1}"));

        assertThat(answers.get(0).status()).isEqualTo(201);
        assertThat(answers.get(4).status()).isEqualTo(400);
        assertThat(answers.get(5).status()).isEqualTo(400);
        for (Http.Response r : answers) {
            assertThat(r.body()).as("answer %s", r.raw().request()).doesNotContain(TOKEN).doesNotContain("s3cr3t");
            r.raw().headers().map().values().forEach(v -> assertThat(v.toString()).doesNotContain(TOKEN));
        }
        assertThat(http.get(base + "/" + id).json().getBoolean("hasToken")).isTrue();
        assertThat(http.get(base).json().getJsonArray("items").getJsonObject(0).getBoolean("hasToken")).isTrue();
        assertThat(http.get(base).json().getJsonArray("items")).hasSize(1);
    }

    @Test
    void recordsPage() {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        String base = records(t, s, Kind.FEEDBACK);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(http.post(base, "{\"text\":\"note " + i + "\"}").json().getString("id"));
        }
        JsonObject first = http.get(base + "?limit=2").json();
        assertThat(first.getJsonArray("items")).hasSize(2);
        JsonObject second = http.get(base + "?limit=2&cursor=" + first.getString("nextCursor")).json();
        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(second.containsKey("nextCursor")).isFalse();
        List<String> seen = new ArrayList<>();
        Stream.of(first, second).forEach(p -> p.getJsonArray("items")
                .forEach(i -> seen.add(i.asJsonObject().getString("id"))));
        assertThat(seen).containsExactlyElementsOf(mine);
        problem(http.get(base + "?limit=0"), 400, "validation", "limit");
        problem(http.get(base + "?cursor=zz"), 400, "validation", "cursor");
    }

    // ---------------------------------------------------------------- Data Center tenants

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dataCenterTenantStoresNoPersonalData(Kind kind) {
        String t = Fixtures.tenant(http, "DATA_CENTER");
        // No subject can be registered for it (SubjectsIT), so none has records; the gate answers before the subject.
        problem(http.post(records(t, UNKNOWN_UUID, kind), kind.body), 422, "data-center-no-personal-data",
                "hostingMode");
    }

    // ---------------------------------------------------------------- ended licences, restriction

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEndedTenantStoresNoRecord(Kind kind) {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        assertThat(http.post("/api/v1/tenants/" + t + "/licence/termination", "{\"acknowledgeErasure\":true}")
                .status()).isEqualTo(200);

        problem(http.post(records(t, s, kind), kind.body), 422, "licence-ended", "licence.state");

        assertThat(http.get(records(t, s, kind)).json().getJsonArray("items")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRestrictedSubjectsNewRecordsAreRefusedUntilTheRestrictionIsLifted(Kind kind) {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        String restriction = "/api/v1/tenants/" + t + "/subjects/" + s + "/restriction";
        Http.Response restricted = http.post(restriction, "{\"requestRef\":\"DSR-1\"}");
        assertThat(restricted.status()).as(restricted.toString()).isIn(200, 201);

        problem(http.post(records(t, s, kind), kind.body), 422, "processing-restricted", "subjectId");
        assertThat(http.get(records(t, s, kind)).json().getJsonArray("items")).isEmpty();

        assertThat(http.delete(restriction).status()).isIn(200, 204);
        assertThat(http.post(records(t, s, kind), kind.body).status()).isEqualTo(201);
    }

    // ---------------------------------------------------------------- rectification (GDPR Art. 16)

    static Stream<Arguments> rectifications() {
        return Stream.of(
                Arguments.of(Kind.CONTACTS, "{\"name\":\"Ada King\",\"email\":\"ada.king@example.com\"}",
                        "email", "ada.king@example.com", "{\"name\":\"Ada\",\"email\":\"not-an-email\"}", "email"),
                Arguments.of(Kind.FEEDBACK, "{\"text\":\"The sync is great, order 12346\"}", "text",
                        "The sync is great, order 12346", "{\"text\":\"\"}", "text"),
                Arguments.of(Kind.CONNECTIONS, "{\"siteUrl\":\"https://ada2.atlassian.net\",\"userEmail\":"
                        + "\"ada@example.com\",\"personalAccessToken\":\"" + TOKEN + "\"}", "siteUrl",
                        "https://ada2.atlassian.net", "{\"siteUrl\":\"https://ada2.atlassian.net\"}", "userEmail"),
                Arguments.of(Kind.SYNC_PROFILES, "{\"name\":\"Jira to Jira (renamed)\"}", "name",
                        "Jira to Jira (renamed)", "{}", "name"),
                Arguments.of(Kind.DRIP_ACTIVITY, "{\"sequence\":\"onboarding-v2\",\"step\":3,\"event\":\"CLICKED\"}",
                        "event", "CLICKED", "{\"sequence\":\"onboarding-v2\",\"step\":3}", "event"));
    }

    @ParameterizedTest
    @MethodSource("rectifications")
    void eachRecordTypeIsRectifiedValidatedLikeANewOneAndAudited(Kind kind, String corrected, String field,
                                                                 String value, String invalid, String invalidField) {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        JsonObject created = http.post(records(t, s, kind), kind.body).json();
        String one = records(t, s, kind) + "/" + created.getString("id");
        String obtainedAt = http.get(one).json().getString("obtainedAt");

        Http.Response r = http.put(one, corrected);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getString(field)).isEqualTo(value);
        assertThat(r.json().getString("id")).isEqualTo(created.getString("id"));
        assertThat(r.json().getString("obtainedAt")).as("a correction does not restart retention")
                .isEqualTo(obtainedAt);
        assertThat(http.get(one).json().getString(field)).isEqualTo(value);
        assertThat(http.get(records(t, s, kind)).json().getJsonArray("items")).hasSize(1);

        problem(http.put(one, invalid), 400, "validation", invalidField);
        problem(http.put(records(t, s, kind) + "/" + UNKNOWN_UUID, corrected), 404, "not-found");
        assertThat(http.get(one).json().getString(field)).isEqualTo(value);
        String action = "record." + kind.path.replaceAll("s$", "") + ".rectify";
        Http.Response audit = StewardServer.shared().admin().get("/api/v1/audit?targetId=" + created.getString("id"));
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(audit.body()).contains(action);
    }

    @Test
    void aRectificationIsCheckedForSensitiveData() {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        String one = records(t, s, Kind.FEEDBACK) + "/"
                + http.post(records(t, s, Kind.FEEDBACK), Kind.FEEDBACK.body).json().getString("id");

        JsonObject p = problem(http.put(one, "{\"text\":\"I was diagnosed with cancer last year\"}"), 422,
                "sensitive-data", "text");

        assertThat(p.toString()).doesNotContain("cancer");
        assertThat(http.get(one).json().getString("text")).isEqualTo("The sync is great, order 12345");
    }

    // ---------------------------------------------------------------- sensitive data

    static Stream<Arguments> sensitiveTexts() {
        return Stream.of(
                Arguments.of(Kind.CONTACTS, "{\"name\":\"Ada\",\"email\":\"ada@example.com\","
                        + "\"message\":\"I was diagnosed with cancer last year\"}", "message"),
                Arguments.of(Kind.FEEDBACK, "{\"text\":\"Charge my card 4111 1111 1111 1111 please\"}", "text"),
                Arguments.of(Kind.FEEDBACK, "{\"text\":\"My card is 4111-1111-1111-1111\"}", "text"),
                Arguments.of(Kind.FEEDBACK, "{\"text\":\"My SSN is 123-45-6789\"}", "text"),
                Arguments.of(Kind.FEEDBACK, "{\"text\":\"I am a Muslim and pray at the mosque\"}", "text"),
                Arguments.of(Kind.SYNC_PROFILES, "{\"name\":\"P\",\"fieldValues\":{\"note\":\"Member of the trade union\"}}",
                        "fieldValues.note"),
                Arguments.of(Kind.FEEDBACK, "{\"text\":\"I was locked up for two years, sorry for the delay\"}", "text"),
                Arguments.of(Kind.FEEDBACK, "{\"name\":\"Ada, convicted felon\",\"text\":\"Great app\"}", "name"),
                Arguments.of(Kind.CONTACTS, "{\"name\":\"Ada (vegan)\",\"email\":\"ada@example.com\"}", "name"),
                Arguments.of(Kind.CONTACTS, "{\"name\":\"Ada\",\"email\":\"ada@example.com\","
                        + "\"message\":\"My DNA test showed a BRCA1 mutation\"}", "message"),
                Arguments.of(Kind.SYNC_PROFILES, "{\"name\":\"I vote Labour\"}", "name"),
                Arguments.of(Kind.SYNC_PROFILES, "{\"name\":\"P\",\"issueTypes\":[\"Bug\",\"my fingerprint scan\"]}",
                        "issueTypes[1]"),
                Arguments.of(Kind.SYNC_PROFILES, "{\"name\":\"P\",\"statusMappings\":{\"Open\":\"as a Muslim\"}}",
                        "statusMappings.Open"));
    }

    @Test
    void aSensitiveMapKeyIsRefusedWithoutEchoingIt() {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);

        JsonObject p = problem(http.post(records(t, s, Kind.SYNC_PROFILES), "{\"name\":\"P\",\"fieldValues\":"
                + "{\"env\":\"prod\",\"my sex life\":\"my criminal record\"}}"), 422, "sensitive-data",
                "fieldValues");

        assertThat(ProblemAssert.fields(p)).containsExactly("fieldValues");
        assertThat(p.toString()).doesNotContain("sex life").doesNotContain("criminal record");
        assertThat(http.get(records(t, s, Kind.SYNC_PROFILES)).json().getJsonArray("items")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("sensitiveTexts")
    void sensitiveTextIsRefusedNamingTheFieldAndNotStored(Kind kind, String body, String field) {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);

        JsonObject p = problem(http.post(records(t, s, kind), body), 422, "sensitive-data", field);

        // The refusal names the category, never the text.
        assertThat(p.toString()).doesNotContain("cancer").doesNotContain("4111").doesNotContain("6789")
                .doesNotContain("mosque").doesNotContain("trade union").doesNotContain("locked up")
                .doesNotContain("felon").doesNotContain("vegan").doesNotContain("DNA").doesNotContain("Labour")
                .doesNotContain("fingerprint").doesNotContain("Muslim");
        assertThat(http.get(records(t, s, kind)).json().getJsonArray("items")).isEmpty();
    }

    // ---------------------------------------------------------------- encryption at rest

    @Test
    void dripActivityIsStoredEncrypted() throws Exception {
        StewardServer server = StewardServer.shared();
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        String sequence = "welcome-" + Fixtures.unique() + ".series_b";
        Http.Response created = http.post(records(t, s, Kind.DRIP_ACTIVITY),
                "{\"sequence\":\"" + sequence + "\",\"step\":100,\"event\":\"UNSUBSCRIBED\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(http.get(records(t, s, Kind.DRIP_ACTIVITY) + "/" + id).json().getString("sequence"))
                .isEqualTo(sequence);

        String dump;
        try (Connection c = server.database().connect()) {
            dump = Tables.dump(c);
        }
        assertThat(dump).contains(id); // the dump did read the record's row
        assertThat(dump).as("stored data must not contain the sequence").doesNotContain(sequence);
        assertThat(java.nio.file.Files.readString(server.log())).as("the server log must not contain the sequence")
                .doesNotContain(sequence);
    }

    @Test
    void luhnInvalidNumbersAndOrdinaryTextPass() {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        Http.Response r = http.post(records(t, s, Kind.FEEDBACK),
                "{\"text\":\"Order 4111 1111 1111 1112 arrived; the union of both lists works. European Union"
                        + " customers see a trade-off: a race condition makes the party plugin criminally slow,"
                        + " and the Save button is disabled\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    // ---------------------------------------------------------------- bad inputs

    static Stream<Arguments> badBodies() {
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString();
        String longText = "x".repeat(5001);
        return Stream.of(
                Arguments.of(Kind.CONTACTS, "{}", "validation", List.of("email", "name")),
                Arguments.of(Kind.CONTACTS, "{\"email\":\"ada@example.com\"}", "validation", List.of("name")),
                Arguments.of(Kind.CONTACTS, "{\"name\":\"Ada\",\"email\":\"not-an-email\"}", "validation", List.of("email")),
                Arguments.of(Kind.CONTACTS, "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"message\":\"" + longText
                        + "\"}", "validation", List.of("message")),
                Arguments.of(Kind.CONTACTS, "{\"name\":\"" + "n".repeat(201) + "\",\"email\":\"ada@example.com\"}",
                        "validation", List.of("name")),
                Arguments.of(Kind.CONTACTS, "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"obtainedAt\":\"" + future
                        + "\"}", "validation", List.of("obtainedAt")),
                Arguments.of(Kind.FEEDBACK, "{}", "validation", List.of("text")),
                Arguments.of(Kind.FEEDBACK, "{\"text\":\"  \"}", "validation", List.of("text")),
                Arguments.of(Kind.FEEDBACK, "{\"text\":\"" + longText + "\"}", "validation", List.of("text")),
                Arguments.of(Kind.FEEDBACK, "{\"text\":\"ok\",\"email\":\"nope\"}", "validation", List.of("email")),
                Arguments.of(Kind.FEEDBACK, "{\"text\":\"ok\",\"obtainedAt\":\"" + future + "\"}", "validation",
                        List.of("obtainedAt")),
                Arguments.of(Kind.FEEDBACK, "{\"text\":\"ok\",\"obtainedAt\":\"yesterday\"}", "wrong-type",
                        List.of("obtainedAt")),
                Arguments.of(Kind.CONNECTIONS, "{}", "validation", List.of("personalAccessToken", "siteUrl", "userEmail")),
                Arguments.of(Kind.CONNECTIONS, "{\"siteUrl\":\"https://a.atlassian.net\",\"userEmail\":\"a@example.com\"}",
                        "validation", List.of("personalAccessToken")),
                Arguments.of(Kind.CONNECTIONS, "{\"siteUrl\":\"ftp://a\",\"userEmail\":\"a@example.com\","
                        + "\"personalAccessToken\":\"t\"}", "validation", List.of("siteUrl")),
                Arguments.of(Kind.CONNECTIONS, "{\"siteUrl\":\"https://a.atlassian.net\",\"userEmail\":\"a-at-example\","
                        + "\"personalAccessToken\":\"t\"}", "validation", List.of("userEmail")),
                Arguments.of(Kind.CONNECTIONS, "{\"siteUrl\":\"https://a.atlassian.net\",\"userEmail\":\"a@example.com\","
                        + "\"personalAccessToken\":\"t\",\"obtainedAt\":\"" + future + "\"}", "validation",
                        List.of("obtainedAt")),
                Arguments.of(Kind.SYNC_PROFILES, "{}", "validation", List.of("name")),
                Arguments.of(Kind.SYNC_PROFILES, "{\"name\":\"P\",\"fieldValues\":{\"f\":\"" + "v".repeat(2001) + "\"}}",
                        "validation", List.of("fieldValues")),
                Arguments.of(Kind.SYNC_PROFILES, "{\"name\":\"P\",\"issueTypes\":\"Bug\"}", "wrong-type",
                        List.of("issueTypes")),
                Arguments.of(Kind.SYNC_PROFILES, "{\"name\":\"P\",\"obtainedAt\":\"" + future + "\"}", "validation",
                        List.of("obtainedAt")),
                Arguments.of(Kind.SYNC_PROFILES, "{\"name\":\"P\",\"colour\":\"red\"}", "unknown-field",
                        List.of("colour")),
                Arguments.of(Kind.DRIP_ACTIVITY, "{}", "validation", List.of("event", "sequence", "step")),
                Arguments.of(Kind.DRIP_ACTIVITY, drip("\"onboarding-v2\"", "2", "\"READ\""), "validation",
                        List.of("event")),
                Arguments.of(Kind.DRIP_ACTIVITY, drip("\"onboarding-v2\"", "2", "\"opened\""), "validation",
                        List.of("event")),
                Arguments.of(Kind.DRIP_ACTIVITY, drip("\"onboarding-v2\"", "2", "\"\""), "validation",
                        List.of("event")),
                Arguments.of(Kind.DRIP_ACTIVITY, drip("\"onboarding-v2\"", "0", "\"SENT\""), "validation",
                        List.of("step")),
                Arguments.of(Kind.DRIP_ACTIVITY, drip("\"onboarding-v2\"", "101", "\"SENT\""), "validation",
                        List.of("step")),
                Arguments.of(Kind.DRIP_ACTIVITY, drip("\"onboarding-v2\"", "-1", "\"SENT\""), "validation",
                        List.of("step")),
                Arguments.of(Kind.DRIP_ACTIVITY, drip("\"onboarding-v2\"", "\"three\"", "\"SENT\""), "wrong-type",
                        List.of("step")),
                Arguments.of(Kind.DRIP_ACTIVITY, drip("\"Onboarding V2\"", "1", "\"SENT\""), "validation",
                        List.of("sequence")),
                Arguments.of(Kind.DRIP_ACTIVITY, drip("\"-onboarding\"", "1", "\"SENT\""), "validation",
                        List.of("sequence")),
                Arguments.of(Kind.DRIP_ACTIVITY, drip("\"\"", "1", "\"SENT\""), "validation", List.of("sequence")),
                Arguments.of(Kind.DRIP_ACTIVITY, drip("\"" + "s".repeat(65) + "\"", "1", "\"SENT\""), "validation",
                        List.of("sequence")),
                Arguments.of(Kind.DRIP_ACTIVITY, "{\"step\":1,\"event\":\"SENT\"}", "validation", List.of("sequence")),
                Arguments.of(Kind.DRIP_ACTIVITY, "{\"sequence\":\"onboarding-v2\",\"step\":1,\"event\":\"SENT\","
                        + "\"obtainedAt\":\"" + future + "\"}", "validation", List.of("obtainedAt")),
                Arguments.of(Kind.DRIP_ACTIVITY, "{\"sequence\":\"onboarding-v2\",\"step\":1,\"event\":\"SENT\","
                        + "\"email\":\"ada@example.com\"}", "unknown-field", List.of("email")));
    }

    /** A drip-activity body from raw JSON values. */
    private static String drip(String sequence, String step, String event) {
        return "{\"sequence\":" + sequence + ",\"step\":" + step + ",\"event\":" + event + "}";
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodyIsRefusedAndNothingStored(Kind kind, String body, String slug, List<String> fields) {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);

        JsonObject p = problem(http.post(records(t, s, kind), body), 400, slug, fields.toArray(String[]::new));
        if (slug.equals("validation")) {
            // The field path starts with the named field (a map entry adds its own suffix).
            assertThat(ProblemAssert.fields(p)).allSatisfy(f -> assertThat(fields.stream().anyMatch(f::startsWith))
                    .as("unexpected field %s", f).isTrue());
        }
        assertThat(http.get(records(t, s, kind)).json().getJsonArray("items")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void missingBodyIsRefused(Kind kind) {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        problem(http.post(records(t, s, kind), null), 400, "missing-body");
        assertThat(http.get(records(t, s, kind)).json().getJsonArray("items")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void recordOfAnotherSubjectIsNotFound(Kind kind) {
        String t = Fixtures.tenant(http, "CLOUD");
        String owner = Fixtures.subject(http, t);
        String other = Fixtures.subject(http, t);
        String id = http.post(records(t, owner, kind), kind.body).json().getString("id");

        problem(http.get(records(t, other, kind) + "/" + id), 404, "not-found");
        problem(http.get(records(t, other, kind) + "/" + UNKNOWN_UUID), 404, "not-found");
        problem(http.get(records(t, other, kind) + "/garbage"), 404, "not-found");
        assertThat(http.get(records(t, other, kind)).json().getJsonArray("items")).isEmpty();

        // The same record under another tenant's path is not found either.
        String otherTenant = Fixtures.tenant(http, "CLOUD");
        problem(http.get(records(otherTenant, owner, kind) + "/" + id), 404, "not-found");
        problem(http.get(records(otherTenant, owner, kind)), 404, "not-found");
        problem(http.post(records(otherTenant, owner, kind), kind.body), 404, "not-found");
        assertThat(http.get(records(t, owner, kind)).json().getJsonArray("items")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownSubjectOrTenantIsNotFound(Kind kind) {
        String t = Fixtures.tenant(http, "CLOUD");
        problem(http.post(records(t, UNKNOWN_UUID, kind), kind.body), 404, "not-found");
        problem(http.get(records(t, UNKNOWN_UUID, kind)), 404, "not-found");
        problem(http.post(records(UNKNOWN_UUID, UNKNOWN_UUID, kind), kind.body), 404, "not-found");
        problem(http.get(records("garbage", "garbage", kind)), 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "contact", "syncProfiles", "health-records", "welcome-email", "dripActivity"})
    void unknownRecordCategoryIsNotFound(String category) {
        String t = Fixtures.tenant(http, "CLOUD");
        String s = Fixtures.subject(http, t);
        String path = "/api/v1/tenants/" + t + "/subjects/" + s + "/" + category;
        problem(http.get(path), 404, "not-found");
        problem(http.post(path, "{\"text\":\"hello\"}"), 404, "not-found");
        problem(http.get(path + "/" + UNKNOWN_UUID), 404, "not-found");
    }

    /** Equal, except that obtainedAt may come back in another offset: it must be the same instant. */
    private static void assertSameRecord(JsonObject actual, JsonObject expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String k : expected.keySet()) {
            if (k.equals("obtainedAt")) {
                assertThat(OffsetDateTime.parse(actual.getString(k)).toInstant())
                        .isEqualTo(OffsetDateTime.parse(expected.getString(k)).toInstant());
            } else {
                assertThat(actual.get(k)).as(k).isEqualTo(expected.get(k));
            }
        }
    }

    private static String records(String tenantId, String subjectId, Kind kind) {
        return "/api/v1/tenants/" + tenantId + "/subjects/" + subjectId + "/" + kind.path;
    }
}
