package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.Mailbox;
import org.steward.it.support.StewardServer;
import org.steward.it.support.TestingClock;

/**
 * No request sits unnoticed: the watchdog, forced by the testing clock, lists a request that is overdue, one whose
 * acknowledgement is due, one whose task is stuck behind a legal hold and one whose task keeps failing; its job
 * records each concern once on the request's timeline. And the CCPA §7102 metrics of a year match a seeded set.
 */
class RequestWatchdogIT {

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

    private static String staffFile(String type, String jurisdiction, String subject, String details,
                                     String channel) {
        Http.Response r = op.post("/api/v1/requests", "{\"type\":\"" + type + "\",\"jurisdiction\":\"" + jurisdiction
                + "\",\"subject\":" + subject + (details == null ? "" : ",\"details\":" + details)
                + ",\"channel\":\"" + channel + "\",\"identityCheck\":\"Checked against the account on file\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().getString("id");
    }

    private static String complaint(String jurisdiction) {
        return staffFile("COMPLAINT", jurisdiction, "{\"email\":\"wd-" + Fixtures.unique() + "@example.com\"}",
                "{\"complaint\":\"Too many mails\"}", "EMAIL");
    }

    private static List<String> ids(JsonObject watchdog, String list) {
        return watchdog.getJsonArray(list).stream().map(v -> ((JsonObject) v).getString("requestId")).toList();
    }

    private static JsonObject watchdog() {
        Http.Response r = op.get("/api/v1/requests/watchdog?dueWithinDays=7");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static void awaitReminder(String id, String concern) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonArray timeline = null;
        while (System.nanoTime() < end) {
            timeline = op.get("/api/v1/requests/" + id + "/timeline").jsonArray();
            if (timeline.stream().map(JsonValue::asJsonObject).anyMatch(e -> e.getString("kind").equals("REMINDER")
                    && e.getString("detail").startsWith(concern))) {
                return;
            }
            sleep(300);
        }
        throw new AssertionError("No " + concern + " reminder on " + id + ": " + timeline);
    }

    @Test
    void aRequestForcedOverdueAndOneAwaitingItsAcknowledgementAreListedAndReminded() {
        clock.set(OffsetDateTime.of(2030, 3, 4, 9, 0, 0, 0, ZoneOffset.UTC));
        String overdue = complaint("GDPR");
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        String unacknowledged = staffFile("COMPLAINT", "CCPA", "{\"subjectId\":\"" + subject + "\",\"tenantId\":\""
                + tenant + "\"}", "{\"complaint\":\"Called about a charge\"}", "PHONE");
        assertThat(ids(watchdog(), "overdue")).doesNotContain(overdue);
        assertThat(ids(watchdog(), "acknowledgementDue")).doesNotContain(unacknowledged);
        clock.advance("P25D");
        assertThat(ids(watchdog(), "dueSoon")).contains(overdue);
        assertThat(ids(watchdog(), "acknowledgementDue")).contains(unacknowledged);
        awaitReminder(unacknowledged, "ACKNOWLEDGEMENT_DUE");
        clock.advance("P20D");
        assertThat(ids(watchdog(), "overdue")).contains(overdue).doesNotContain(unacknowledged);
        awaitReminder(overdue, "OVERDUE");
        Http.Response ack = op.post("/api/v1/requests/" + unacknowledged + "/acknowledgement", "");
        assertThat(ack.status()).as(ack.toString()).isEqualTo(200);
        assertThat(ids(watchdog(), "acknowledgementDue")).doesNotContain(unacknowledged);
        clock.reset();
    }

    @Test
    void aTaskStuckBehindAHoldAndATaskThatKeepsFailingAreListed() {
        clock.reset();
        String tenant = Fixtures.tenant(op, "CLOUD");
        String held = Fixtures.subject(op, tenant);
        Http.Response hold = op.post("/api/v1/retention/holds", "{\"scope\":\"SUBJECT\",\"tenantId\":\"" + tenant
                + "\",\"subjectId\":\"" + held + "\",\"reason\":\"Litigation\",\"owner\":\"Legal\",\"endsAt\":\""
                + clock.now().plusDays(90) + "\",\"blocksSubjectRequests\":true,\"blockReason\":"
                + "\"Art. 17(3)(e): claims pending\"}");
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        String stuck = staffFile("ERASURE", "GDPR", "{\"subjectId\":\"" + held + "\",\"tenantId\":\"" + tenant
                + "\"}", null, "EMAIL");
        String failing = staffFile("RECTIFICATION", "GDPR", "{\"subjectId\":\"" + Fixtures.subject(op, tenant)
                + "\",\"tenantId\":\"" + tenant + "\"}", "{\"corrections\":{\"email\":\"not an address\"}}",
                "EMAIL");
        assertThat(op.post("/api/v1/requests/" + stuck + "/approval", "").status()).isEqualTo(200);
        assertThat(op.post("/api/v1/requests/" + failing + "/approval", "").status()).isEqualTo(200);
        awaitTask(stuck, "WAITING");
        for (int i = 0; i < 3 && !taskState(failing).equals("FAILING"); i++) {
            clock.advance("PT2H");
            awaitTaskAttempts(failing, i + 1);
        }
        assertThat(taskState(failing)).isEqualTo("FAILING");
        JsonObject task = op.get("/api/v1/requests/" + failing).json().getJsonArray("tasks").getJsonObject(0);
        assertThat(task.getString("lastError")).contains("corrections.email").doesNotContain("not an address");
        clock.advance("PT2H");
        JsonObject w = watchdog();
        assertThat(ids(w, "stuck")).contains(stuck);
        assertThat(ids(w, "failing")).contains(failing);
        assertThat(w.getJsonArray("stuck").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("requestId").equals(stuck)).findFirst().orElseThrow()
                .getString("lastError")).contains("legal hold");
        awaitReminder(stuck, "STUCK");
        clock.reset();
    }

    @Test
    void theCcpaMetricsOfAYearMatchASeededSetOfRequests() {
        clock.set(OffsetDateTime.of(2031, 2, 3, 10, 0, 0, 0, ZoneOffset.UTC));
        String c1 = complaint("CCPA");
        String c2 = complaint("CCPA");
        String c3 = complaint("CCPA");
        assertThat(op.post("/api/v1/requests/" + c1 + "/approval", "").status()).isEqualTo(200);
        assertThat(op.post("/api/v1/requests/" + c2 + "/approval", "").status()).isEqualTo(200);
        clock.advance("P4D");
        assertThat(op.post("/api/v1/requests/" + c3 + "/denial", "{\"basis\":\"CCPA_INTERNAL_USES\",\"text\":"
                + "\"We keep this for our own records.\"}").status()).isEqualTo(200);
        clock.advance("P6D");
        assertThat(op.post("/api/v1/requests/" + c1 + "/completion", "{\"response\":\"Fixed.\"}").status())
                .isEqualTo(200);
        clock.advance("P10D");
        assertThat(op.post("/api/v1/requests/" + c2 + "/completion", "{\"response\":\"Partly fixed.\","
                + "\"partial\":true}").status()).isEqualTo(200);
        staffFile("ACCESS", "CCPA", "{\"email\":\"nobody-" + Fixtures.unique() + "@example.com\"}", null, "POST");
        Http.Response r = op.get("/api/v1/requests/metrics?year=2031");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject complaint = type(r.json(), "COMPLAINT");
        assertThat(complaint.getInt("received")).isEqualTo(3);
        assertThat(complaint.getInt("compliedInWhole")).isEqualTo(1);
        assertThat(complaint.getInt("compliedInPart")).isEqualTo(1);
        assertThat(complaint.getInt("denied")).isEqualTo(1);
        assertThat(complaint.getJsonNumber("medianDays").doubleValue()).isEqualTo(10.0);
        assertThat(complaint.getJsonNumber("meanDays").doubleValue()).isEqualTo(11.3);
        JsonObject access = type(r.json(), "ACCESS");
        assertThat(access.getInt("received")).isEqualTo(1);
        assertThat(access.getInt("compliedInWhole")).isEqualTo(1);
        assertThat(access.getJsonNumber("medianDays").doubleValue()).isEqualTo(0.0);
        assertThat(type(r.json(), "ERASURE").getInt("received")).isZero();
        Http.Response csv = op.get("/api/v1/requests/metrics?year=2031&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("2031,COMPLAINT,3,1,1,1,10.0,11.3");
        assertThat(op.get("/api/v1/requests/metrics").status()).isEqualTo(400);
        clock.reset();
    }

    @Test
    void anExpiredCodeAndAnExpiredDownloadLinkAreRefused() {
        clock.reset();
        String email = "expiry-" + Fixtures.unique() + "@example.com";
        Http.Response filed = server.anonymous().post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":"
                + "\"GDPR\",\"subject\":{\"email\":\"" + email + "\"}}");
        assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
        String id = filed.json().getString("id");
        String code = Mailbox.codeIn(Mailbox.awaitSubject(email, "Your verification code"));
        clock.advance("PT11M");
        ProblemAssert.problem(server.anonymous().post("/api/v1/requests/" + id + "/verification", "{\"code\":\""
                + code + "\"}"), 422, "verification-failed", "code");
        clock.reset();

        String tenant = Fixtures.tenant(op, "CLOUD");
        String owner = "link-" + Fixtures.unique() + "@example.com";
        assertThat(op.post("/api/v1/tenants/" + tenant + "/subjects", "{\"email\":\"" + owner + "\"}").status())
                .isEqualTo(201);
        String access = staffFile("ACCESS", "GDPR", "{\"email\":\"" + owner + "\"}", null, "EMAIL");
        assertThat(op.post("/api/v1/requests/" + access + "/approval", "").status()).isEqualTo(200);
        String link = Mailbox.linkIn(Mailbox.awaitSubject(owner, "Your data is ready to download"));
        clock.advance("P5DT1M");
        ProblemAssert.problem(server.anonymous().get(link), 410, "export-link-expired", "token");
        clock.reset();
    }

    @Test
    void anExtensionNeedsAReasonStaysWithinTheLawAndIsNoticedWithinTheFirstMonth() {
        clock.set(OffsetDateTime.of(2030, 1, 31, 12, 0, 0, 0, ZoneOffset.UTC));
        String email = "ext-" + Fixtures.unique() + "@example.com";
        String id = staffFile("COMPLAINT", "GDPR", "{\"email\":\"" + email + "\"}",
                "{\"complaint\":\"Slow answers\"}", "EMAIL");
        JsonObject view = op.get("/api/v1/requests/" + id).json();
        assertThat(view.getString("dueOn")).isEqualTo("2030-02-28");
        assertThat(view.getString("maxDueOn")).isEqualTo("2030-04-30");
        String path = "/api/v1/requests/" + id + "/extension";
        ProblemAssert.problem(op.post(path, "{\"newDueOn\":\"2030-04-10\"}"), 400, "validation", "reason");
        ProblemAssert.problem(op.post(path, "{\"newDueOn\":\"2030-05-02\",\"reason\":\"Complex\"}"), 400,
                "validation", "newDueOn");
        Http.Response ok = op.post(path, "{\"newDueOn\":\"2030-04-10\",\"reason\":\"We must hear two teams\"}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().getString("dueOn")).isEqualTo("2030-04-10");
        assertThat(Mailbox.awaitSubject(email, "We need more time for your request").text())
                .contains("2030-04-10").contains("We must hear two teams");
        clock.advance("P35D");
        ProblemAssert.problem(op.post(path, "{\"newDueOn\":\"2030-04-20\",\"reason\":\"More\"}"), 400,
                "validation", "newDueOn");
        clock.reset();
    }

    private static JsonObject type(JsonObject metrics, String type) {
        return metrics.getJsonArray("types").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("type").equals(type)).findFirst().orElseThrow();
    }

    private static String taskState(String id) {
        return op.get("/api/v1/requests/" + id).json().getJsonArray("tasks").getJsonObject(0).getString("state");
    }

    private static void awaitTask(String id, String state) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && !taskState(id).equals(state)) {
            sleep(300);
        }
        assertThat(taskState(id)).isEqualTo(state);
    }

    private static void awaitTaskAttempts(String id, int attempts) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && op.get("/api/v1/requests/" + id).json().getJsonArray("tasks")
                .getJsonObject(0).getInt("attempts") < attempts) {
            sleep(300);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
