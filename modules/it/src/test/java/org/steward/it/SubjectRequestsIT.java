package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.Mailbox;
import org.steward.it.support.StewardServer;

/**
 * The eight request types, each walked through as the data subject and the privacy officer would: filed over HTTP
 * with no account, the code read from the mail GreenMail received, verified, approved, fulfilled across the modules
 * (on the server whose retention sweep runs every second) and completed, with the final mail.
 */
class SubjectRequestsIT {

    private static StewardServer server;
    private static Http op;
    private static Http subject;

    @BeforeAll
    static void start() {
        server = StewardServer.sweeping();
        op = server.http();
        subject = server.anonymous();
    }

    /** A tenant with one subject whose email is unique; returns {tenant, subject, email}. */
    private static String[] registered() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String email = "dsr-" + Fixtures.unique() + "@example.com";
        Http.Response r = op.post("/api/v1/tenants/" + tenant + "/subjects", "{\"email\":\"" + email
                + "\",\"displayName\":\"Ada Example\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new String[] {tenant, r.json().getString("id"), email};
    }

    /** A GRANT of the purpose under its current notice. */
    private static void grant(String[] s, String purpose) {
        Http.Response notice = op.put("/api/v1/consent/purposes/" + purpose + "/notices/en",
                "{\"text\":\"We use analytics cookies (SubjectRequestsIT).\"}");
        assertThat(notice.status()).as(notice.toString()).isIn(200, 201);
        Http.Response r = op.post("/api/v1/tenants/" + s[0] + "/subjects/" + s[1] + "/consents", "{\"purpose\":\""
                + purpose + "\",\"action\":\"GRANT\",\"noticeVersion\":" + notice.json().getInt("version") + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    static String file(String type, String jurisdiction, String email, String details) {
        Http.Response r = subject.post("/api/v1/requests", "{\"type\":\"" + type + "\",\"jurisdiction\":\""
                + jurisdiction + "\",\"subject\":{\"email\":\"" + email + "\"}"
                + (details == null ? "" : ",\"details\":" + details) + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().getString("state")).isEqualTo("VERIFYING");
        return r.json().getString("id");
    }

    /** Reads the code from the mail and verifies; returns the status token. */
    static String verify(String id, String email) {
        Mailbox.Mail mail = Mailbox.await(email, m -> m.subject().equals("Your verification code")
                && m.text().contains(id), 1, Duration.ofSeconds(20));
        assertThat(mail.text()).doesNotContain(email);
        Http.Response r = subject.post("/api/v1/requests/" + id + "/verification", "{\"code\":\""
                + Mailbox.codeIn(mail) + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().getString("statusToken");
    }

    static JsonObject awaitState(String id, String state) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < end) {
            Http.Response r = op.get("/api/v1/requests/" + id);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            last = r.json();
            if (last.getString("state").equals(state)) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError("Request " + id + " never reached " + state + ": " + last);
    }

    static void approve(String id) {
        Http.Response r = op.post("/api/v1/requests/" + id + "/approval", "");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static JsonObject status(String id, String token) {
        Http.Response r = subject.get("/api/v1/requests/" + id + "/status", Map.of("X-Request-Token", token));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void accessDeliversOneZipWithEveryModulesSectionThroughASingleUseLink() throws IOException {
        String[] s = registered();
        op.post("/api/v1/tenants/" + s[0] + "/subjects/" + s[1] + "/contacts",
                "{\"name\":\"Ada\",\"email\":\"" + s[2] + "\",\"message\":\"Please call me back about pricing\"}");
        grant(s, "web-analytics");
        String id = file("ACCESS", "GDPR", s[2], null);
        String token = verify(id, s[2]);
        assertThat(status(id, token).getString("state")).isEqualTo("VERIFIED");
        Mailbox.awaitSubject(s[2], "Your request is verified");
        approve(id);
        JsonObject done = awaitState(id, "COMPLETED");
        assertThat(done.getString("outcome")).isEqualTo("COMPLIED");
        assertThat(done.getJsonArray("tasks")).extracting(t -> ((JsonObject) t).getString("module"))
                .contains("identity", "consent", "retention");
        Mailbox.Mail ready = Mailbox.awaitSubject(s[2], "Your data is ready to download");
        String link = Mailbox.linkIn(ready);
        HttpResponse<byte[]> zip = download(link);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        Map<String, String> entries = unzip(zip.body());
        assertThat(entries).containsKey("index.html").containsKey("export.json");
        String json = entries.get("export.json");
        JsonObject export = Json.createReader(new java.io.StringReader(json)).readObject();
        assertThat(json).contains(s[2]).contains("Please call me back about pricing").contains("web-analytics");
        assertThat(export.toString()).contains("\"identity\"").contains("\"consent\"").contains("\"retention\"");
        assertThat(entries.keySet()).anyMatch(k -> k.endsWith("identity/profile.csv"))
                .anyMatch(k -> k.endsWith("consent/consent-history.csv"))
                .anyMatch(k -> k.endsWith("retention/retention-policies.csv"));
        assertThat(entries.get("index.html")).contains("supervisory authority");
        assertThat(download(link).statusCode()).as("the link works once").isEqualTo(410);
        Mailbox.awaitSubject(s[2], "Your request is complete");
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndMailAndEndsWithNoDataFound() {
        String email = "nobody-" + Fixtures.unique() + "@example.com";
        String id = file("ACCESS", "GDPR", email, null);
        String token = verify(id, email);
        JsonObject st = status(id, token);
        assertThat(st.getString("state")).isEqualTo("COMPLETED");
        assertThat(st.getString("outcome")).isEqualTo("NO_DATA_FOUND");
        assertThat(Mailbox.awaitSubject(email, "Your request is complete").text()).contains("found none");
    }

    @Test
    void rectificationCorrectsTheProfileThroughIdentity() {
        String[] s = registered();
        String id = file("RECTIFICATION", "UK_GDPR", s[2], "{\"corrections\":{\"displayName\":\"Ada Lovelace\"}}");
        verify(id, s[2]);
        approve(id);
        awaitState(id, "COMPLETED");
        Http.Response subjectNow = op.get("/api/v1/tenants/" + s[0] + "/subjects/" + s[1]);
        assertThat(subjectNow.json().getString("displayName")).isEqualTo("Ada Lovelace");
        Mailbox.awaitSubject(s[2], "Your request is complete");
    }

    @Test
    void erasureCompletesWhenRetentionsCertificateExists() {
        String[] s = registered();
        String id = file("ERASURE", "GDPR", s[2], null);
        verify(id, s[2]);
        approve(id);
        JsonObject done = awaitState(id, "COMPLETED");
        JsonObject task = done.getJsonArray("tasks").getJsonObject(0);
        assertThat(task.getString("module")).isEqualTo("retention");
        Http.Response cert = op.get("/api/v1/erasures/" + task.getString("resultRef") + "/certificate");
        assertThat(cert.status()).as(cert.toString()).isEqualTo(200);
        assertThat(cert.json().getString("trigger")).isEqualTo("SUBJECT_REQUEST");
        assertThat(op.get("/api/v1/tenants/" + s[0] + "/subjects/" + s[1]).status()).isEqualTo(404);
        Mailbox.awaitSubject(s[2], "Your request is complete");
        JsonObject logged = awaitIdentifierGone(id);
        assertThat(logged.containsKey("identifier") && !logged.isNull("identifier")).isFalse();
        assertThat(logged.getString("pseudonym")).isNotBlank();
    }

    private static JsonObject awaitIdentifierGone(String id) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < end) {
            last = op.get("/api/v1/requests/" + id).json();
            if (!last.containsKey("identifier") || last.isNull("identifier")) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError("The erased subject's request still shows its identifier: " + last);
    }

    @Test
    void restrictionStopsEveryDecisionUntilARequestLiftsIt() {
        String[] s = registered();
        String id = file("RESTRICTION", "GDPR", s[2], null);
        verify(id, s[2]);
        approve(id);
        awaitState(id, "COMPLETED");
        Http.Response decision = op.get("/api/v1/consent/decision?subject=" + s[1] + "&purpose=web-analytics");
        assertThat(decision.json().getString("reason")).as(decision.toString()).isEqualTo("RESTRICTED");
        String lift = file("RESTRICTION", "GDPR", s[2], "{\"lift\":true}");
        verify(lift, s[2]);
        approve(lift);
        awaitState(lift, "COMPLETED");
        assertThat(op.get("/api/v1/tenants/" + s[0] + "/subjects/" + s[1] + "/restriction").json()
                .getBoolean("restricted")).isFalse();
    }

    @Test
    void objectionStopsTheLegitimateInterestPurposesNamed() {
        String[] s = registered();
        String id = file("OBJECTION", "GDPR", s[2], "{\"purposes\":[\"direct-marketing\"]}");
        verify(id, s[2]);
        approve(id);
        awaitState(id, "COMPLETED");
        Http.Response state = op.get("/api/v1/tenants/" + s[0] + "/subjects/" + s[1] + "/consents");
        assertThat(state.body()).as(state.toString()).contains("direct-marketing").contains("OBJECTED");
    }

    @Test
    void withdrawalIsApprovedOnVerificationAndWithdrawsEveryGrant() {
        String[] s = registered();
        grant(s, "web-analytics");
        String id = file("WITHDRAW_CONSENT", "GDPR", s[2], null);
        verify(id, s[2]);
        awaitState(id, "COMPLETED");
        Http.Response state = op.get("/api/v1/tenants/" + s[0] + "/subjects/" + s[1] + "/consents");
        assertThat(state.body()).as(state.toString()).contains("WITHDRAWN");
    }

    @Test
    void portabilityGivesTheProvidedDataAsJson() {
        String[] s = registered();
        String id = file("PORTABILITY", "GDPR", s[2], null);
        verify(id, s[2]);
        approve(id);
        awaitState(id, "COMPLETED");
        String link = Mailbox.linkIn(Mailbox.awaitSubject(s[2], "Your data is ready to download"));
        HttpResponse<byte[]> json = download(link);
        assertThat(json.statusCode()).isEqualTo(200);
        String body = new String(json.body(), StandardCharsets.UTF_8);
        assertThat(body).contains(s[2]).doesNotContain("retention-policies");
    }

    @Test
    void aComplaintIsTrackedToItsAnswerWhichNamesTheSupervisoryAuthority() {
        String[] s = registered();
        String id = file("COMPLAINT", "GDPR", s[2], "{\"complaint\":\"You kept mailing me after I unsubscribed\"}");
        verify(id, s[2]);
        approve(id);
        awaitState(id, "IN_PROGRESS");
        problem(op.post("/api/v1/requests/" + id + "/completion", "{}"), 400, "validation", "response");
        Http.Response closed = op.post("/api/v1/requests/" + id + "/completion",
                "{\"response\":\"The list was purged; it will not happen again.\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        Mailbox.Mail answer = Mailbox.awaitSubject(s[2], "Your request is complete");
        assertThat(answer.text()).contains("The list was purged").contains("supervisory authority");
    }

    @Test
    void aSecondRequestOfTheSameTypeJoinsTheOpenOne() {
        String[] s = registered();
        String id = file("ACCESS", "CCPA", s[2], null);
        Http.Response again = subject.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"CCPA\","
                + "\"subject\":{\"email\":\"" + s[2].toUpperCase() + "\"}}");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getString("id")).isEqualTo(id);
        assertThat(again.json().getBoolean("joinedOpenRequest")).isTrue();
    }

    @Test
    void wrongExpiredAndExhaustedCodesAreRefusedAndCounted() {
        String email = "codes-" + Fixtures.unique() + "@example.com";
        String id = file("ACCESS", "GDPR", email, null);
        Mailbox.awaitSubject(email, "Your verification code");
        for (int i = 0; i < 3; i++) {
            problem(subject.post("/api/v1/requests/" + id + "/verification", "{\"code\":\"000000\"}"), 422,
                    "verification-failed", "code");
        }
        String code = Mailbox.codeIn(Mailbox.awaitSubject(email, "Your verification code"));
        problem(subject.post("/api/v1/requests/" + id + "/verification", "{\"code\":\"" + code + "\"}"), 422,
                "verification-failed", "code");
        assertThat(subject.post("/api/v1/requests/" + id + "/verification/code", "").status()).isEqualTo(202);
        Mailbox.Mail second = Mailbox.await(email, m -> m.subject().equals("Your verification code"), 2,
                Duration.ofSeconds(20));
        Http.Response ok = subject.post("/api/v1/requests/" + id + "/verification", "{\"code\":\""
                + Mailbox.codeIn(second) + "\"}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    }

    @Test
    void badFilingsAreProblemsThatNameTheField() {
        problem(subject.post("/api/v1/requests", "{\"type\":\"GOSSIP\",\"jurisdiction\":\"GDPR\",\"subject\":"
                + "{\"email\":\"a@example.com\"}}"), 400, "validation", "type");
        problem(subject.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"MARS\",\"subject\":"
                + "{\"email\":\"a@example.com\"}}"), 400, "validation", "jurisdiction");
        problem(subject.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"GDPR\",\"subject\":{}}"),
                400, "validation", "subject");
        problem(subject.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"GDPR\"}"), 400,
                "validation", "subject");
        problem(subject.post("/api/v1/requests", "{\"type\":\"RECTIFICATION\",\"jurisdiction\":\"GDPR\",\"subject\":"
                + "{\"email\":\"a@example.com\"},\"details\":{\"corrections\":{\"shoeSize\":\"44\"}}}"), 400,
                "validation", "details.corrections.shoeSize");
        problem(subject.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"GDPR\",\"subject\":"
                + "{\"email\":\"a@example.com\"},\"agent\":{\"name\":\"A\",\"email\":\"agent@example.com\","
                + "\"permissionReference\":\"doc-1\",\"permissionSha256\":\"" + "a".repeat(64) + "\"}}"), 400,
                "validation", "agent");
        problem(subject.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"GDPR\",\"subject\":"
                + "{\"email\":\"a@example.com\"},\"identityCheck\":\"I say so\"}"), 400, "validation",
                "identityCheck");
    }

    @Test
    void illegalTransitionsAndDenialsWithoutABasisAreRefused() {
        String[] s = registered();
        String id = file("ERASURE", "GDPR", s[2], null);
        problem(op.post("/api/v1/requests/" + id + "/approval", ""), 409, "illegal-transition", "state");
        problem(op.post("/api/v1/requests/" + id + "/denial", "{\"text\":\"no\"}"), 400, "validation", "basis");
        problem(op.post("/api/v1/requests/" + id + "/denial", "{\"basis\":\"CCPA_INTERNAL_USES\",\"text\":\"no\"}"),
                400, "validation", "basis");
        Http.Response denied = op.post("/api/v1/requests/" + id + "/denial",
                "{\"basis\":\"LEGAL_CLAIMS\",\"text\":\"We must keep your invoices while the dispute runs.\"}");
        assertThat(denied.status()).as(denied.toString()).isEqualTo(200);
        assertThat(Mailbox.awaitSubject(s[2], "Your request was refused").text())
                .contains("Art. 17(3)(e)").contains("dispute").contains("supervisory authority");
        problem(op.post("/api/v1/requests/" + id + "/cancellation", ""), 409, "illegal-transition", "state");
    }

    @Test
    void badFiltersOfTheQueueAreProblemsThatNameTheParameter() {
        problem(op.get("/api/v1/requests?state=LOST"), 400, "validation", "state");
        problem(op.get("/api/v1/requests?type=GOSSIP"), 400, "validation", "type");
        problem(op.get("/api/v1/requests?overdue=maybe"), 400, "validation", "overdue");
        problem(op.get("/api/v1/requests/metrics?year=last"), 400, "validation", "year");
        problem(op.get("/api/v1/requests/watchdog?dueWithinDays=soon"), 400, "validation", "dueWithinDays");
        assertThat(op.get("/api/v1/requests?overdue=TRUE").status()).isEqualTo(200);
    }

    @Test
    void staffFileOnTheSubjectsBehalfWithChannelAndIdentityCheck() {
        String[] s = registered();
        Http agent = server.as(null, "SUPPORT_AGENT");
        Http.Response r = agent.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"CCPA\","
                + "\"subject\":{\"email\":\"" + s[2] + "\"},\"channel\":\"SUPPORT_TICKET\",\"channelReference\":"
                + "\"PRIV-42\",\"identityCheck\":\"Matched the last invoice number\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().getString("state")).isEqualTo("VERIFIED");
        String id = r.json().getString("id");
        problem(agent.post("/api/v1/requests/" + id + "/approval", ""), 403, "forbidden");
        JsonObject view = op.get("/api/v1/requests/" + id).json();
        assertThat(view.getString("channel")).isEqualTo("SUPPORT_TICKET");
        assertThat(view.getString("channelReference")).isEqualTo("PRIV-42");
        assertThat(view.getString("verification")).isEqualTo("STAFF_CHECK");
        assertThat(view.getString("acknowledgeBy")).isNotBlank();
        Mailbox.awaitSubject(s[2], "We received your request");
    }

    @Test
    void aClientAppFilesForItsSignedInUserAndCountsAsTheIdentityCheck() {
        String[] s = registered();
        Http app = server.apiKey(s[0], "SERVICE");
        Http.Response r = app.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"GDPR\","
                + "\"subject\":{\"subjectId\":\"" + s[1] + "\",\"tenantId\":\"" + s[0] + "\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().getString("state")).isEqualTo("VERIFIED");
        JsonObject view = op.get("/api/v1/requests/" + r.json().getString("id")).json();
        assertThat(view.getString("verification")).isEqualTo("SERVICE_APP");
        assertThat(view.getString("channel")).isEqualTo("APP");
        String other = Fixtures.tenant(op, "CLOUD");
        problem(app.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"GDPR\",\"subject\":"
                + "{\"subjectId\":\"" + Fixtures.subject(op, other) + "\",\"tenantId\":\"" + other + "\"}}"), 403,
                "forbidden");
        problem(app.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"GDPR\",\"subject\":"
                + "{\"email\":\"" + s[2] + "\"}}"), 400, "validation", "subject");
    }

    @Test
    void anAuthorizedAgentIsRecordedAndTheConsumerStillVerifies() {
        String[] s = registered();
        Http.Response r = subject.post("/api/v1/requests", "{\"type\":\"ERASURE\",\"jurisdiction\":\"CCPA\","
                + "\"subject\":{\"email\":\"" + s[2] + "\"},\"agent\":{\"name\":\"Privacy Agents LLC\","
                + "\"email\":\"agent@agents.example\",\"permissionReference\":\"signed-permission-77\","
                + "\"permissionSha256\":\"" + "b".repeat(64) + "\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().getString("state")).isEqualTo("VERIFYING");
        String id = r.json().getString("id");
        JsonObject view = op.get("/api/v1/requests/" + id).json();
        assertThat(view.getString("filedBy")).isEqualTo("AGENT");
        assertThat(view.getJsonObject("agent").getString("permissionReference")).isEqualTo("signed-permission-77");
        assertThat(view.getString("acknowledgeBy")).isNotBlank();
        verify(id, s[2]);
        assertThat(op.get("/api/v1/requests/" + id).json().getString("state")).isEqualTo("VERIFIED");
    }

    @Test
    void aWebsiteVisitorGetsTheirDevicesRecordsWithTheCookiesDeviceId() throws IOException {
        String device = "dev-" + java.util.UUID.randomUUID();
        Http.Response choice = subject.post("/api/v1/public/consent/devices/" + device,
                "{\"choices\":[{\"purpose\":\"in-app-analytics\",\"action\":\"OPT_OUT\"}]}");
        assertThat(choice.status()).as(choice.toString()).isEqualTo(200);
        String email = "visitor-" + Fixtures.unique() + "@example.com";
        Http.Response r = subject.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"GDPR\","
                + "\"subject\":{\"deviceId\":\"" + device + "\"},\"contactEmail\":\"" + email + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().getString("state")).isEqualTo("VERIFIED");
        assertThat(r.json().getString("statusToken")).isNotBlank();
        String id = r.json().getString("id");
        approve(id);
        awaitState(id, "COMPLETED");
        HttpResponse<byte[]> zip = download(Mailbox.linkIn(Mailbox.awaitSubject(email,
                "Your data is ready to download")));
        assertThat(zip.statusCode()).isEqualTo(200);
        String json = unzip(zip.body()).get("export.json");
        assertThat(json).contains("device:" + device).contains("in-app-analytics").contains("OPTED_OUT");
        problem(subject.post("/api/v1/requests", "{\"type\":\"RECTIFICATION\",\"jurisdiction\":\"GDPR\","
                + "\"subject\":{\"deviceId\":\"" + device + "\"},\"details\":{\"corrections\":"
                + "{\"displayName\":\"x\"}}}"), 400, "validation", "type");
    }

    @Test
    void theLicenseesOwnErasureTerminatesTheLicenceAndErasesTheTenant() {
        String[] s = registered();
        String body = "{\"type\":\"ERASURE\",\"jurisdiction\":\"GDPR\",\"subject\":{\"tenantId\":\"" + s[0]
                + "\"},\"details\":{\"scope\":\"TENANT\"%s},\"channel\":\"EMAIL\",\"identityCheck\":"
                + "\"Signed letter from the licensee\",\"contactEmail\":\"licensee-" + Fixtures.unique()
                + "@example.com\"}";
        problem(op.post("/api/v1/requests", body.formatted("")), 409, "conflict", "details.acknowledgeErasure");
        problem(subject.post("/api/v1/requests", body.formatted(",\"acknowledgeErasure\":true")), 400,
                "validation", "channel");
        Http.Response r = op.post("/api/v1/requests", body.formatted(",\"acknowledgeErasure\":true"));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        String id = r.json().getString("id");
        approve(id);
        awaitState(id, "COMPLETED");
        assertThat(op.get("/api/v1/tenants/" + s[0]).json().getJsonObject("licence").getString("status"))
                .isEqualTo("TERMINATED");
        assertThat(op.get("/api/v1/tenants/" + s[0] + "/subjects/" + s[1]).status()).isEqualTo(404);
    }

    private static HttpResponse<byte[]> download(String link) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest
                    .newBuilder(server.uri(link)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
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
