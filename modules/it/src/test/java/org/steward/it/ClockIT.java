package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.steward.it.support.Database;
import org.steward.it.support.Dumps;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.it.support.TestingClock;

/**
 * The testing clock: a server of its own started with STEWARD_TESTING_CLOCK=enabled (sweeping every second, checking
 * licences every 2 s), whose time the tests move, so that a year of inactivity or a licence's last day passes in
 * seconds. Every test reads the server's time and moves it forwards from there, so the order of the tests does not
 * matter. The shared server shows that without the setting the surface does not exist; a third start shows that any
 * other value is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClockIT {

    private static final String PATH = TestingClock.PATH;

    private static StewardServer server;
    private static Http op;
    private static TestingClock clock;

    @BeforeAll
    static void start() {
        server = StewardServer.clocked();
        op = server.http();
        clock = new TestingClock(server);
    }

    @AfterAll
    static void putTheClockBack() {
        if (clock != null) {
            clock.reset();
        }
    }

    // ------------------------------------------------------------------ the control surface

    @Test
    void onlyAnAdminMovesTheClock() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        List<Http> others = List.of(server.as(null, "PRIVACY_OFFICER"), server.as(null, "SUPPORT_AGENT"),
                server.as(null, "AUDITOR"), server.as(tenant, "SERVICE"));
        for (String[] call : calls()) {
            assertThat(send(server.anonymous(), call).status()).as("anonymous " + call[0]).isEqualTo(401);
            for (Http other : others) {
                assertThat(send(other, call).status()).as("non-admin " + call[0]).isEqualTo(403);
            }
        }
        JsonObject got = server.admin().get(PATH).json();
        assertThat(OffsetDateTime.parse(got.getString("now"))).isNotNull();
        assertThat(Duration.parse(got.getString("aheadBy"))).isNotNull();
    }

    @Test
    void movingItIsAuditedLoggedAndShownInReadiness() throws Exception {
        OffsetDateTime before = clock.now();
        JsonObject moved = clock.advance("PT1H").json();
        assertThat(OffsetDateTime.parse(moved.getString("now"))).isAfterOrEqualTo(before.plusHours(1));
        clock.set(clock.now().plusMinutes(1));

        for (String action : List.of("testing.clock.advance", "testing.clock.set")) {
            List<JsonObject> entries = op.get("/api/v1/audit?action=" + action + "&limit=200").json()
                    .getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
            assertThat(entries).as(action).anySatisfy(e -> {
                assertThat(e.getString("outcome")).isEqualTo("SUCCESS");
                assertThat(e.getString("targetType")).isEqualTo("clock");
                assertThat(e.getString("role")).isEqualTo("ADMIN");
            });
        }

        String log = Files.readString(server.log());
        assertThat(log).contains("TESTING CLOCK ENABLED (STEWARD_TESTING_CLOCK=enabled)")
                .contains("TESTING CLOCK advanced by PT1H").contains("TESTING CLOCK set");
        JsonObject check = op.get("/health/ready").json().getJsonArray("checks").stream()
                .map(v -> v.asJsonObject()).filter(c -> "clock".equals(c.getString("name"))).findFirst().orElseThrow();
        assertThat(check.getString("status")).isEqualTo("UP");
        assertThat(check.getJsonObject("data").get("testingClock").toString()).contains("true");
        assertThat(check.getJsonObject("data").containsKey("aheadBy")).isTrue();
    }

    @Test
    void badInputIsAProblemThatNamesTheFieldAndMovesNothing() {
        Http admin = server.admin();
        String aheadBy = admin.get(PATH).json().getString("aheadBy");
        problem(admin.put(PATH, "{}"), 400, "validation", "now");
        problem(admin.put(PATH, "{\"now\":\"soon\"}"), 400, "wrong-type", "now");
        problem(admin.put(PATH, "{\"now\":\"2027-01-01T00:00:00\"}"), 400, "wrong-type", "now");
        problem(admin.put(PATH, "{\"now\":\"1969-12-31T23:59:59Z\"}"), 400, "validation", "now");
        problem(admin.put(PATH, "{\"now\":\"2027-01-01T00:00:00Z\",\"zone\":\"UTC\"}"), 400, "unknown-field", "zone");
        problem(admin.put(PATH, null), 400, "missing-body");
        problem(admin.post(PATH + "/advance", "{}"), 400, "validation", "by");
        for (String by : List.of("soon", "30", "P", "PT0S", "-P1D", "P1M-1D", "P99999999D")) {
            problem(admin.post(PATH + "/advance", "{\"by\":\"" + by + "\"}"), 400, "validation", "by");
        }
        assertThat(admin.get(PATH).json().getString("aheadBy")).as("the clock did not move").isEqualTo(aheadBy);
    }

    @Test
    void theOpenApiDocumentDescribesTheSurfaceWhenItExists() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(op.get("/openapi?format=json").body(), null,
                null);
        assertThat(parsed.getMessages()).as("validator messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getPaths()).containsKeys(PATH, PATH + "/advance");
        assertThat(api.getPaths().get(PATH).readOperationsMap()).hasSize(3); // GET, PUT, DELETE
        assertThat(api.getPaths().get(PATH + "/advance").getPost()).isNotNull();
        for (Operation o : List.of(api.getPaths().get(PATH).getPut(),
                api.getPaths().get(PATH + "/advance").getPost())) {
            assertThat(o.getTags()).containsExactly("testing");
            assertThat(o.getResponses()).containsKey("4XX");
        }
        assertThat(api.getTags()).extracting(t -> t.getName()).contains("testing");
        assertThat(api.getComponents().getSchemas()).containsKeys("TestingClock", "TestingClockInput",
                "TestingClockAdvance");
    }

    @Test
    void withoutTheSettingTheSurfaceDoesNotExist() {
        StewardServer shared = StewardServer.shared();
        Http.Response unknown = shared.admin().get("/api/v1/no-such-path");
        for (Http caller : List.of(shared.anonymous(), shared.admin(), shared.as(null, "AUDITOR"))) {
            for (String[] call : calls()) {
                Http.Response r = send(caller, call);
                problem(r, 404, "not-found");
                assertThat(r.json().getString("title")).isEqualTo(unknown.json().getString("title"));
            }
        }
        OpenAPI api = new OpenAPIV3Parser().readContents(shared.http().get("/openapi?format=json").body(), null, null)
                .getOpenAPI();
        assertThat(api.getPaths().keySet()).noneMatch(p -> p.startsWith("/api/v1/testing"));
        assertThat(api.getTags()).extracting(t -> t.getName()).doesNotContain("testing");
        assertThat(api.getComponents().getSchemas().keySet()).noneMatch(s -> s.startsWith("TestingClock"));
        assertThat(shared.http().get("/health/ready").body()).contains("\"testingClock\"")
                .doesNotContain("aheadBy");
    }

    @Test
    void anyOtherValueIsRefusedAtStartUp() throws Exception {
        try (StewardServer refused = StewardServer.war("clock-refused", Database.fresh("clockrefused"),
                Map.of("STEWARD_TESTING_CLOCK", "true")).launch()) {
            Dumps.await("the refusal in the log", Duration.ofSeconds(150), () -> {
                try {
                    return Files.exists(refused.log()) && Files.readString(refused.log())
                            .contains("STEWARD_TESTING_CLOCK (steward.testing.clock) must be left unset");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            assertThat(Files.readString(refused.log())).doesNotContain("Steward started in");
            int ready;
            try {
                ready = refused.anonymous().get("/health/ready").status();
            } catch (RuntimeException notListening) {
                ready = -1;
            }
            assertThat(ready).as("readiness of the refused server").isNotEqualTo(200);
        }
    }

    // ------------------------------------------------------------------ what the clock moves

    /**
     * The feedback category's seeded policy: INACTIVITY, 365 days. Activity is the subject's last change or any record
     * obtained from them; neither can be backdated (both are stamped with the server's time), so only a clock that
     * moves can show a year of inactivity.
     */
    @Test
    void inactivityRetentionErasesTheRecordsOfSubjectsInactiveForAYear() {
        assertThat(op.get("/api/v1/retention/policies/feedback").json().getString("trigger")).isEqualTo("INACTIVITY");
        assertThat(op.get("/api/v1/retention/policies/feedback").json().getInt("periodDays")).isEqualTo(365);
        String tenant = Fixtures.tenant(op, "CLOUD");
        String idle = Fixtures.subject(op, tenant);
        String recorded = Fixtures.subject(op, tenant);
        String rectified = Fixtures.subject(op, tenant);
        for (String s : List.of(idle, recorded, rectified)) {
            assertThat(op.post(subject(tenant, s) + "/feedback", "{\"text\":\"fine\"}").status()).isEqualTo(201);
        }

        clock.advance("P200D");
        assertThat(op.post(subject(tenant, recorded) + "/contacts", "{\"name\":\"N\",\"email\":\"n@example.com\"}")
                .status()).isEqualTo(201);
        assertThat(op.patch(subject(tenant, rectified), "{\"displayName\":\"Renamed\"}").status()).isEqualTo(200);
        clock.advance("P200D"); // 400 days after the first records, 200 after the others' last activity

        Dumps.await("the idle subject's feedback to be erased", Duration.ofSeconds(30),
                () -> feedback(tenant, idle) == 0);
        assertThat(feedback(tenant, recorded)).as("a newer record of another category is activity").isEqualTo(1);
        assertThat(feedback(tenant, rectified)).as("a rectification is activity").isEqualTo(1);
        assertThat(op.get(subject(tenant, idle)).status()).as("the subject itself stays").isEqualTo(200);
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'CATEGORY'"
                + " AND category_key = 'feedback' AND status = 'DONE'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aLicenceExpiresOnTheDayAfterItsLastDay() throws Exception {
        LocalDate today = clock.now().toLocalDate();
        LocalDate lastDay = today.plusDays(10);
        String id = op.post("/api/v1/tenants", Fixtures.tenantJson("CLOUD", lastDay.toString())).json().getString("id");

        clock.set(lastDay.atTime(12, 0).atOffset(ZoneOffset.UTC));
        Thread.sleep(5_000); // two licence checks and more: on its last day the licence runs
        assertThat(licenceStatus(id)).isEqualTo("ACTIVE");

        clock.set(lastDay.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).plusSeconds(1));
        Dumps.await("the licence to expire", Duration.ofSeconds(20), () -> "EXPIRED".equals(licenceStatus(id)));
        assertThat(op.get("/api/v1/tenants/" + id + "/licence/history").jsonArray().stream()
                .map(v -> v.asJsonObject().getString("reason")).toList()).containsExactly("REGISTERED", "EXPIRED");
    }

    @Test
    void aConsentGrantExpiresWhenTheClockPassesItsExpiry() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String s = Fixtures.subject(op, tenant);
        Http.Response notice = op.put("/api/v1/consent/purposes/web-analytics/notices/en",
                "{\"text\":\"We use analytics cookies (ClockIT).\"}");
        assertThat(notice.status()).as(notice.toString()).isIn(200, 201);
        OffsetDateTime expiresAt = clock.now().plusDays(30);
        assertThat(op.post(subject(tenant, s) + "/consents", "{\"purpose\":\"web-analytics\",\"action\":\"GRANT\","
                + "\"noticeVersion\":" + notice.json().getInt("version") + ",\"expiresAt\":\"" + expiresAt + "\"}")
                .status()).isEqualTo(201);
        assertThat(decision(s).getString("reason")).isEqualTo("CONSENT_GRANTED"); // and cached

        clock.set(expiresAt.minusMinutes(1));
        assertThat(decision(s).getBoolean("allowed")).isTrue();
        clock.set(expiresAt.plusSeconds(1));
        JsonObject after = decision(s);
        assertThat(after.getBoolean("allowed")).isFalse();
        assertThat(after.getString("reason")).isEqualTo("CONSENT_EXPIRED");
        JsonObject state = op.get(subject(tenant, s) + "/consents").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(c -> "web-analytics".equals(c.getString("purpose"))).findFirst()
                .orElseThrow();
        assertThat(state.getBoolean("expired")).isTrue();
    }

    /** {@code @PastOrPresent} (obtainedAt) means "not after the server's now", not the JVM's. */
    @Test
    void notInTheFutureMeansNotAfterTheServersNow() {
        clock.advance("P2D");
        String tenant = Fixtures.tenant(op, "CLOUD");
        String s = Fixtures.subject(op, tenant);
        OffsetDateTime realTomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        assertThat(op.post(subject(tenant, s) + "/feedback", "{\"text\":\"ok\",\"obtainedAt\":\"" + realTomorrow
                + "\"}").status()).as("in the real future, in the server's past").isEqualTo(201);
        problem(op.post(subject(tenant, s) + "/feedback", "{\"text\":\"ok\",\"obtainedAt\":\""
                + clock.now().plusDays(1) + "\"}"), 400, "validation", "obtainedAt");
    }

    /** Last: it moves the clock back, and what the other tests recorded at the later time stays as it is. */
    @Test
    @Order(Integer.MAX_VALUE)
    void resetPutsTheClockBackToTheRealTime() {
        clock.advance("P1M");
        JsonObject reset = clock.reset().json();
        assertThat(Duration.parse(reset.getString("aheadBy"))).isZero();
        assertThat(Duration.between(OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.parse(reset.getString("now")))
                .abs()).isLessThan(Duration.ofMinutes(1));
    }

    // ------------------------------------------------------------------ helpers

    private static List<String[]> calls() {
        return List.of(new String[]{"GET", PATH, null}, new String[]{"PUT", PATH, "{\"now\":\"2030-01-01T00:00:00Z\"}"},
                new String[]{"POST", PATH + "/advance", "{\"by\":\"P1D\"}"}, new String[]{"DELETE", PATH, null});
    }

    private static Http.Response send(Http http, String[] call) {
        return switch (call[0]) {
            case "GET" -> http.get(call[1]);
            case "DELETE" -> http.delete(call[1]);
            default -> http.send(call[0], call[1], "application/json", call[2]);
        };
    }

    private static String subject(String tenant, String subject) {
        return "/api/v1/tenants/" + tenant + "/subjects/" + subject;
    }

    private static int feedback(String tenant, String subject) {
        return op.get(subject(tenant, subject) + "/feedback").json().getJsonArray("items").size();
    }

    private static String licenceStatus(String id) {
        return op.get("/api/v1/tenants/" + id).json().getJsonObject("licence").getString("status");
    }

    private static JsonObject decision(String subject) {
        Http.Response r = op.get("/api/v1/consent/decision?subject=" + subject + "&purpose=web-analytics");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
