package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.it.support.Tables;

/**
 * The decision API over HTTP (H2 by default; PostgreSQL with STEWARD_DB_URL): every rule of the issue, the batch
 * form, restriction of processing (GDPR Art. 18), website visitors' devices and GPC, bad input, roles and tenant
 * scope, and that a decision is never stale after a change commits (the in-JVM cache is invalidated).
 */
class ConsentDecisionIT {

    private static final StewardServer SERVER = StewardServer.shared();
    private static final Http OFFICER = SERVER.http();
    private static String tenant;
    private static Http service;

    @BeforeAll
    static void setUp() {
        tenant = Fixtures.tenant(OFFICER, "CLOUD");
        service = SERVER.apiKey(tenant, "SERVICE");
    }

    private static String subject() {
        return Fixtures.subject(OFFICER, tenant);
    }

    private static JsonObject decision(Http client, String subject, String purpose) {
        Http.Response r = client.get("/api/v1/consent/decision?subject=" + subject + "&purpose=" + purpose);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static void assertDecision(String subject, String purpose, boolean allowed, String reason) {
        JsonObject d = decision(service, subject, purpose);
        assertThat(d.getString("purpose")).isEqualTo(purpose);
        assertThat(d.getBoolean("allowed")).as(purpose + " " + d).isEqualTo(allowed);
        assertThat(d.getString("reason")).as(purpose + " " + d).isEqualTo(reason);
    }

    private static void record(String subject, String body) {
        Http.Response r = OFFICER.post("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/consents", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static int notice(String purpose) {
        return ConsentIT.notice(purpose, "Notice for decisions " + purpose);
    }

    @Test
    void withNothingRecordedOnlyConsentPurposesAreDenied() {
        String s = subject();
        assertDecision(s, "web-analytics", false, "NO_CONSENT");
        assertDecision(s, "explicit-consent-marketing", false, "NO_CONSENT");
        assertDecision(s, "drip-emails", true, "LEGITIMATE_INTEREST");
        assertDecision(s, "app-provision", true, "CONTRACT");
        assertDecision(s, "sale-or-sharing", false, "SALE_PROHIBITED");
        assertDecision(s, "cross-context-advertising", false, "NO_CONSENT");
        assertThat(decision(service, s, "web-analytics").getString("basis")).isEqualTo("CONSENT");
        assertThat(decision(service, s, "app-provision").getString("basis")).isEqualTo("CONTRACT");
    }

    @Test
    void consentNeedsACurrentUnexpiredGrant() throws Exception {
        String s = subject();
        int v = notice("web-analytics");
        assertDecision(s, "web-analytics", false, "NO_CONSENT"); // cached now
        record(s, "{\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":" + v + "}");
        assertDecision(s, "web-analytics", true, "CONSENT_GRANTED");
        record(s, "{\"purpose\":\"web-analytics\",\"action\":\"WITHDRAW\"}");
        assertDecision(s, "web-analytics", false, "CONSENT_WITHDRAWN");
        record(s, "{\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":" + v + ",\"expiresAt\":\""
                + OffsetDateTime.now().plusSeconds(3) + "\"}");
        assertDecision(s, "web-analytics", true, "CONSENT_GRANTED");
        Thread.sleep(3500);
        assertDecision(s, "web-analytics", false, "CONSENT_EXPIRED");
    }

    @Test
    void legitimateInterestIsAllowedUnlessObjectedOrOptedOut() {
        String s = subject();
        assertDecision(s, "drip-emails", true, "LEGITIMATE_INTEREST");
        record(s, "{\"purpose\":\"drip-emails\",\"action\":\"OPT_OUT\"}");
        assertDecision(s, "drip-emails", false, "OPTED_OUT");
        record(s, "{\"purpose\":\"drip-emails\",\"action\":\"OPT_IN\"}");
        assertDecision(s, "drip-emails", true, "LEGITIMATE_INTEREST");
        record(s, "{\"purpose\":\"drip-emails\",\"action\":\"OBJECT\"}");
        assertDecision(s, "drip-emails", false, "OBJECTED");
        assertDecision(s, "direct-marketing", true, "LEGITIMATE_INTEREST");
    }

    /** Policy §11: "We do not sell, rent, or trade personal data — ever." */
    @Test
    void aSaleIsNeverAllowedForAnyHolderInAnyJurisdiction() throws Exception {
        String s = subject();
        String device = "dec-" + UUID.randomUUID();
        for (String holder : List.of("subject=" + s, "device=" + device)) {
            for (String j : List.of("", "&jurisdiction=GDPR", "&jurisdiction=CCPA")) {
                JsonObject d = service.get("/api/v1/consent/decision?" + holder + "&purpose=sale-or-sharing" + j).json();
                assertThat(d.getBoolean("allowed")).as(holder + j).isFalse();
                assertThat(d.getString("reason")).as(holder + j).isEqualTo("SALE_PROHIBITED");
            }
        }
        problem(OFFICER.post("/api/v1/tenants/" + tenant + "/subjects/" + s + "/consents",
                "{\"purpose\":\"sale-or-sharing\",\"action\":\"OPT_IN\"}"), 422, "business-rule", "purpose");
        assertDecision(s, "sale-or-sharing", false, "SALE_PROHIBITED");
    }

    /** Sharing for cross-context behavioural advertising (§4a): consent under GDPR, an opt-out under CCPA, GPC. */
    @Test
    void sharingNeedsConsentUnderGdprAndHonoursOptOutsAndGpcEverywhere() throws Exception {
        String s = subject();
        String p = "cross-context-advertising";
        assertDecision(s, p, false, "NO_CONSENT");
        JsonObject gdpr = service.get("/api/v1/consent/decision?subject=" + s + "&purpose=" + p
                + "&jurisdiction=GDPR").json();
        assertThat(gdpr.getString("reason")).isEqualTo("NO_CONSENT");
        assertThat(gdpr.getString("jurisdiction")).isEqualTo("GDPR");
        JsonObject ccpa = service.get("/api/v1/consent/decision?subject=" + s + "&purpose=" + p
                + "&jurisdiction=CCPA").json();
        assertThat(ccpa.getBoolean("allowed")).isTrue();
        assertThat(ccpa.getString("reason")).isEqualTo("NOT_OPTED_OUT");
        assertThat(ccpa.getString("jurisdiction")).isEqualTo("CCPA");

        record(s, "{\"purpose\":\"" + p + "\",\"action\":\"GRANT\",\"noticeVersion\":" + notice(p) + "}");
        assertDecision(s, p, true, "CONSENT_GRANTED");
        record(s, "{\"purpose\":\"" + p + "\",\"action\":\"OPT_OUT\"}");
        for (String j : List.of("GDPR", "CCPA")) {
            JsonObject d = service.get("/api/v1/consent/decision?subject=" + s + "&purpose=" + p + "&jurisdiction=" + j)
                    .json();
            assertThat(d.getBoolean("allowed")).as(j).isFalse();
            assertThat(d.getString("reason")).as(j).isEqualTo("OPTED_OUT_OF_SALE_OR_SHARING");
        }
        problem(service.get("/api/v1/consent/decision?subject=" + s + "&purpose=" + p + "&jurisdiction=EU"), 400,
                "validation", "jurisdiction");

        String device = "dec-" + UUID.randomUUID();
        Http.Response before = service.get("/api/v1/consent/decision?device=" + device + "&purpose=" + p
                + "&jurisdiction=CCPA");
        assertThat(before.json().getBoolean("allowed")).as(before.toString()).isTrue();
        Http.Response gpc = ConsentIT.raw(SERVER.anonymous(), "GET", "/api/v1/public/consent/devices/" + device, null,
                null, "Sec-GPC", "1");
        assertThat(gpc.status()).as(gpc.toString()).isEqualTo(200);
        JsonObject after = service.get("/api/v1/consent/decision?device=" + device + "&purpose=" + p
                + "&jurisdiction=CCPA").json();
        assertThat(after.getBoolean("allowed")).isFalse();
        assertThat(after.getString("reason")).isEqualTo("GPC_SIGNAL");
    }

    /** A client app passes on the Sec-GPC: 1 it received for a subject it identified (issue 10, item 7). */
    @Test
    void aServiceCallerPassesOnGpcForAnIdentifiedSubjectAndTheDecisionHonoursIt() throws Exception {
        String s = subject();
        String q = "/api/v1/consent/decision?subject=" + s + "&purpose=cross-context-advertising&jurisdiction=CCPA";
        Http.Response officer = ConsentIT.raw(OFFICER, "GET", q, null, null, "Sec-GPC", "1");
        assertThat(officer.json().getBoolean("allowed")).as("a staff browser's own GPC is not the subject's")
                .isTrue();
        assertThat(officer.json().getBoolean("gpc")).isFalse();
        assertThat(gpcEvents(s)).isZero();

        for (int i = 0; i < 3; i++) {
            Http.Response r = ConsentIT.raw(service, "GET", q, null, null, "Sec-GPC", "1");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().getBoolean("allowed")).isFalse();
            assertThat(r.json().getString("reason")).isEqualTo("GPC_SIGNAL");
            assertThat(r.json().getBoolean("gpc")).isTrue();
        }
        assertThat(gpcEvents(s)).as("recorded once").isEqualTo(1);
        assertThat(ConsentIT.count("SELECT COUNT(*) FROM platform_audit_entry WHERE action = 'consent.gpc.record'"
                + " AND target_id = '" + s + "'")).isEqualTo(1);
        assertDecision(s, "cross-context-advertising", false, "GPC_SIGNAL");
        assertDecision(s, "drip-emails", true, "LEGITIMATE_INTEREST");

        // Recording a choice with the header: the choice, then the GPC opt-out (GPC wins).
        String t = subject();
        Http.Response recorded = ConsentIT.raw(service, "POST", "/api/v1/tenants/" + tenant + "/subjects/" + t
                        + "/consents", "application/json", "{\"purpose\":\"drip-emails\",\"action\":\"OPT_IN\"}",
                "Sec-GPC", "1");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().getJsonArray("gpcReceipts")).hasSize(1);
        assertThat(gpcEvents(t)).isEqualTo(1);
        assertDecision(t, "cross-context-advertising", false, "GPC_SIGNAL");
        problem(ConsentIT.raw(SERVER.apiKey(Fixtures.tenant(OFFICER, "CLOUD"), "SERVICE"), "GET", q, null, null,
                "Sec-GPC", "1"), 403, "forbidden");
        assertThat(gpcEvents(s)).as("another tenant's caller records nothing").isEqualTo(1);
    }

    private static long gpcEvents(String subject) throws Exception {
        return ConsentIT.count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = 'subject:" + subject
                + "' AND source = 'GPC'");
    }

    @Test
    void restrictionDeniesEverythingUntilLifted() throws Exception {
        String s = subject();
        int v = notice("web-analytics");
        record(s, "{\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":" + v + "}");
        assertDecision(s, "app-provision", true, "CONTRACT");
        assertDecision(s, "web-analytics", true, "CONSENT_GRANTED");
        String path = "/api/v1/tenants/" + tenant + "/subjects/" + s + "/restriction";
        assertThat(OFFICER.get(path).json().getBoolean("restricted")).isFalse();
        problem(SERVER.as(null, "SUPPORT_AGENT").post(path, "{}"), 403, "forbidden");

        Http.Response restricted = OFFICER.post(path, "{\"requestRef\":\"DSR-42\"}");
        assertThat(restricted.status()).as(restricted.toString()).isEqualTo(201);
        assertThat(restricted.json().getString("requestRef")).isEqualTo("DSR-42");
        for (String p : List.of("app-provision", "communication-support", "web-analytics", "drip-emails",
                "cross-context-advertising")) {
            assertDecision(s, p, false, "RESTRICTED");
        }
        assertThat(OFFICER.post(path, "{}").status()).isEqualTo(200);
        assertThat(OFFICER.get(path).json().getBoolean("restricted")).isTrue();
        try (Connection c = SERVER.database().connect()) {
            assertThat(Tables.count(c, "SELECT COUNT(*) FROM consent_restriction WHERE holder_ref = 'subject:" + s
                    + "'")).isEqualTo(1);
        }
        problem(OFFICER.post(path, "{\"requestRef\":\"bad ref!\"}"), 400, "validation", "requestRef");

        assertThat(OFFICER.delete(path).status()).isEqualTo(204);
        assertDecision(s, "app-provision", true, "CONTRACT");
        assertDecision(s, "web-analytics", true, "CONSENT_GRANTED");
        assertThat(OFFICER.delete(path).status()).isEqualTo(204);
        try (Connection c = SERVER.database().connect()) {
            assertThat(Tables.count(c, "SELECT COUNT(*) FROM consent_restriction WHERE holder_ref = 'subject:" + s
                    + "'")).isZero();
        }
    }

    @Test
    void theBatchFormAnswersEachPurposeInOrderOrEveryPurpose() {
        String s = subject();
        Http.Response r = service.get("/api/v1/consent/decisions?subject=" + s
                + "&purpose=web-analytics&purpose=app-provision&purpose=drip-emails");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getString("holderRef")).isEqualTo("subject:" + s);
        List<JsonObject> ds = r.json().getJsonArray("decisions").getValuesAs(JsonObject.class);
        assertThat(ds).extracting(d -> d.getString("purpose"))
                .containsExactly("web-analytics", "app-provision", "drip-emails");
        assertThat(ds).extracting(d -> d.getBoolean("allowed")).containsExactly(false, true, true);
        List<JsonObject> all = service.get("/api/v1/consent/decisions?subject=" + s).json()
                .getJsonArray("decisions").getValuesAs(JsonObject.class);
        assertThat(all).extracting(d -> d.getString("purpose")).contains("sale-or-sharing", "in-app-analytics")
                .hasSizeGreaterThanOrEqualTo(10);
        problem(service.get("/api/v1/consent/decisions?subject=" + s + "&purpose=web-analytics&purpose=nope"), 400,
                "validation", "purpose");
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        String s = subject();
        problem(service.get("/api/v1/consent/decision?subject=" + UUID.randomUUID() + "&purpose=drip-emails"), 404,
                "not-found", "subject");
        problem(service.get("/api/v1/consent/decision?subject=not-a-uuid&purpose=drip-emails"), 400, "validation",
                "subject");
        problem(service.get("/api/v1/consent/decision?purpose=drip-emails"), 400, "validation", "subject");
        problem(service.get("/api/v1/consent/decision?subject=" + s + "&device=abcdefghijklmnop1234&purpose=x"), 400,
                "validation", "device");
        problem(service.get("/api/v1/consent/decision?device=short&purpose=drip-emails"), 400, "validation", "device");
        problem(service.get("/api/v1/consent/decision?subject=" + s + "&purpose=no-such-purpose"), 400, "validation",
                "purpose");
        problem(service.get("/api/v1/consent/decision?subject=" + s), 400, "validation", "purpose");
        problem(service.get("/api/v1/consent/decision?subject=" + s + "&purpose=drip-emails&purpose=web-analytics"),
                400, "validation", "purpose");
        problem(service.get("/api/v1/consent/decision?subject=" + s + "&purpose="
                + URLEncoder.encode("x".repeat(65), StandardCharsets.UTF_8)), 400, "validation", "purpose");
    }

    @Test
    void rolesAndTenantScope() {
        String s = subject();
        String q = "/api/v1/consent/decision?subject=" + s + "&purpose=drip-emails";
        for (String role : List.of("PRIVACY_OFFICER", "SUPPORT_AGENT", "AUDITOR")) {
            assertThat(SERVER.as(null, role).get(q).status()).as(role).isEqualTo(200);
        }
        assertThat(SERVER.as(null, "ADMIN").get(q).status()).isEqualTo(403);
        assertThat(SERVER.anonymous().get(q).status()).isEqualTo(401);
        String other = Fixtures.tenant(OFFICER, "CLOUD");
        problem(SERVER.apiKey(other, "SERVICE").get(q), 403, "forbidden");
        // the ping: every role, never anonymous
        assertThat(service.get("/api/v1/ping").json().getString("status")).isEqualTo("ok");
        assertThat(SERVER.admin().get("/api/v1/ping").status()).isEqualTo(200);
        assertThat(SERVER.anonymous().get("/api/v1/ping").status()).isEqualTo(401);
        assertThat(service.post("/api/v1/ping", "{\"any\":\"body\"}").json().getString("status")).isEqualTo("ok");
        assertThat(SERVER.anonymous().post("/api/v1/ping", "{}").status()).isEqualTo(401);
    }

    @Test
    void decisionsAreNotAudited() throws Exception {
        String s = subject();
        long before = auditEntriesAbout(s);
        for (int i = 0; i < 20; i++) {
            assertDecision(s, "drip-emails", true, "LEGITIMATE_INTEREST");
        }
        assertThat(auditEntriesAbout(s)).isEqualTo(before);
    }

    /** After each committed change, the very next decision reflects it: the cached state never outlives a change. */
    @Test
    void aDecisionIsNeverStaleAfterAChangeCommits() {
        String s = subject();
        int v = notice("explicit-consent-marketing");
        assertDecision(s, "explicit-consent-marketing", false, "NO_CONSENT");
        for (int i = 0; i < 40; i++) {
            if (i % 2 == 0) {
                record(s, "{\"purpose\":\"explicit-consent-marketing\",\"action\":\"GRANT\",\"noticeVersion\":" + v
                        + "}");
                assertDecision(s, "explicit-consent-marketing", true, "CONSENT_GRANTED");
            } else {
                record(s, "{\"purpose\":\"explicit-consent-marketing\",\"action\":\"WITHDRAW\"}");
                assertDecision(s, "explicit-consent-marketing", false, "CONSENT_WITHDRAWN");
            }
        }
    }

    private static long auditEntriesAbout(String subject) throws Exception {
        try (Connection c = SERVER.database().connect()) {
            return Tables.count(c, "SELECT COUNT(*) FROM platform_audit_entry WHERE target_id = '" + subject + "'");
        }
    }
}
