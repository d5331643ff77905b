package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Dumps;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

/**
 * Retention policies, legal holds, minors, certificates and the sweep's record, on the server that sweeps every
 * second ({@link StewardServer#sweeping()}). (The dump, two-instance and crash tests are ErasureDumpIT,
 * ErasureConcurrencyIT and RestartIT.)
 */
class RetentionIT {

    private static StewardServer server;
    private static Http op;

    @BeforeAll
    static void start() {
        server = StewardServer.sweeping();
        op = server.http();
    }

    @Test
    void badInputsAreProblemsThatNameTheField() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        problem(op.put("/api/v1/retention/policies/feedback", "{\"trigger\":\"FIXED\",\"periodDays\":-1}"), 400,
                "validation", "periodDays");
        problem(op.put("/api/v1/retention/policies/feedback", "{\"trigger\":\"FIXED\",\"periodDays\":99999}"), 400,
                "validation", "periodDays");
        problem(op.put("/api/v1/retention/policies/feedback", "{\"trigger\":\"LICENCE_EXPIRY\",\"periodDays\":5}"),
                400, "validation", "periodDays");
        problem(op.put("/api/v1/retention/policies/feedback", "{\"trigger\":\"FIXED\",\"periodDays\":0}"), 400,
                "validation", "periodDays");
        problem(op.put("/api/v1/retention/policies/feedback", "{\"trigger\":\"SOMETIMES\",\"periodDays\":3}"), 400,
                "validation", "trigger");
        problem(op.put("/api/v1/retention/policies/no-such-category", "{\"trigger\":\"FIXED\",\"periodDays\":3}"),
                404, "not-found", "categoryKey");
        problem(op.get("/api/v1/retention/policies/no-such-category"), 404, "not-found", "categoryKey");
        problem(op.post("/api/v1/retention/holds", hold("SUBJECT", tenant, UUID.randomUUID().toString(), false)
                .build().toString()), 422, "business-rule", "subjectId");
        problem(op.post("/api/v1/retention/holds", hold("TENANT", UUID.randomUUID().toString(), null, false)
                .build().toString()), 422, "business-rule", "tenantId");
        problem(op.post("/api/v1/retention/holds", hold("SUBJECT", tenant, subject, false)
                .add("endsAt", "2001-01-01T00:00:00Z").build().toString()), 400, "validation", "endsAt");
        problem(op.post("/api/v1/retention/holds", hold("SUBJECT", tenant, subject, true).build().toString()), 400,
                "validation", "blockReason");
        problem(op.post("/api/v1/tenants/" + tenant + "/licence/termination", "{}"), 409, "conflict",
                "acknowledgeErasure");
        problem(op.get("/api/v1/erasures/" + UUID.randomUUID() + "/certificate"), 404, "not-found", "erasureId");
        problem(op.get("/api/v1/erasures/not-an-id/certificate"), 404, "not-found", "erasureId");
        problem(op.get("/api/v1/erasures/" + UUID.randomUUID()), 404, "not-found", "erasureId");
        problem(op.post("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/erasure", "{}"), 400, "validation",
                "reference");
        problem(op.post("/api/v1/tenants/" + tenant + "/subjects/" + UUID.randomUUID() + "/erasure",
                "{\"reference\":\"JSM-1\"}"), 404, "not-found", "subjectId");
        problem(op.get("/api/v1/erasures?status=MAYBE"), 400, "validation", "status");
        // Nothing was erased or held by any of these.
        assertThat(op.get("/api/v1/tenants/" + tenant + "/subjects/" + subject).status()).isEqualTo(200);
        assertThat(op.get("/api/v1/retention/policies/feedback").json().getString("trigger")).isEqualTo("INACTIVITY");
    }

    @Test
    void certificatesVerifyAndATamperedOneFails() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        op.post("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/feedback", "{\"text\":\"ok\"}");
        String erasure = requestErasure(tenant, subject);
        awaitDone(erasure);
        Http.Response got = op.get("/api/v1/erasures/" + erasure + "/certificate");
        assertThat(got.status()).isEqualTo(200);
        JsonObject cert = got.json();
        assertThat(cert.getString("trigger")).isEqualTo("SUBJECT_REQUEST");
        assertThat(cert.getString("subjectHash")).startsWith("sha256:");
        assertThat(got.body()).doesNotContain(subject).doesNotContain(tenant);
        assertThat(cert.getJsonArray("dataKeysDestroyed")).hasSize(1);
        assertThat(cert.getInt("version")).isEqualTo(2);
        assertThat(verify(cert)).isTrue();
        // Tampered: a count, the trigger, the signature; or stripped of its version (then read as version 1).
        assertThat(verify(Json.createObjectBuilder(cert).remove("version").build())).isFalse();
        JsonObjectBuilder fewer = Json.createObjectBuilder(cert);
        fewer.add("erased", Json.createArrayBuilder().add(Json.createObjectBuilder().add("module", "identity")
                .add("category", "feedback").add("count", 0)));
        assertThat(verify(fewer.build())).isFalse();
        assertThat(verify(Json.createObjectBuilder(cert).add("trigger", "MINOR").build())).isFalse();
        String sig = cert.getString("signature");
        String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
        assertThat(verify(Json.createObjectBuilder(cert).add("signature", flipped).build())).isFalse();
        // The public key is there for anyone to check offline.
        Http.Response keys = server.anonymous().get("/api/v1/public/erasure-signing-keys");
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.body()).contains(cert.getString("keyId")).contains("Ed25519");
    }

    @Test
    void aWebsiteVisitorsDeviceIsErasedAtTheirRequestWithASignedCertificate() throws Exception {
        Http anon = server.anonymous();
        String device = "dev-" + UUID.randomUUID();
        String other = "dev-" + UUID.randomUUID();
        String choice = "{\"choices\":[{\"purpose\":\"in-app-analytics\",\"action\":\"OPT_OUT\"}]}";
        for (String d : new String[]{device, other}) {
            Http.Response r = anon.post("/api/v1/public/consent/devices/" + d, choice);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        assertThat(consentRows(device)).isEqualTo(2); // one event, one current state
        problem(op.post("/api/v1/devices/short/erasure", "{\"reference\":\"WEB-1\"}"), 400, "validation",
                "deviceId");
        problem(op.post("/api/v1/devices/" + device + "/erasure", "{}"), 400, "validation", "reference");
        assertThat(server.as(null, "SUPPORT_AGENT").post("/api/v1/devices/" + device + "/erasure",
                "{\"reference\":\"WEB-1\"}").status()).isEqualTo(403);

        Http.Response requested = op.post("/api/v1/devices/" + device + "/erasure",
                "{\"reference\":\"WEB-" + Fixtures.unique() + "\"}");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        JsonObject queued = requested.json();
        assertThat(queued.getString("scope")).isEqualTo("DEVICE");
        assertThat(queued.getString("deviceId")).isEqualTo(device);
        assertThat(queued.getString("trigger")).isEqualTo("SUBJECT_REQUEST");
        String erasure = queued.getString("id");
        awaitDone(erasure);

        assertThat(consentRows(device)).as("the device's consent rows").isZero();
        assertThat(consentRows(other)).as("another device's").isEqualTo(2);
        assertThat(anon.get("/api/v1/public/consent/devices/" + device).json().getJsonArray("choices").stream()
                .map(JsonObject.class::cast).filter(c -> c.getString("purpose").equals("in-app-analytics"))
                .map(c -> c.getString("status")).findFirst().orElseThrow()).as("no choice left")
                .isNotEqualTo("OPTED_OUT");
        Http.Response got = op.get("/api/v1/erasures/" + erasure + "/certificate");
        assertThat(got.status()).isEqualTo(200);
        JsonObject cert = got.json();
        assertThat(cert.getString("scope")).isEqualTo("DEVICE");
        assertThat(cert.getString("trigger")).isEqualTo("SUBJECT_REQUEST");
        assertThat(cert.getString("subjectHash")).isEqualTo("sha256:" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest((cert.getString("salt") + ":device:"
                        + device).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(cert.containsKey("tenantHash") && !cert.isNull("tenantHash")).as("no tenant").isFalse();
        assertThat(cert.getJsonArray("erased").stream().map(JsonObject.class::cast)
                .map(e -> e.getString("module") + "/" + e.getString("category") + ":" + e.getInt("count")))
                .containsExactlyInAnyOrder("consent/consent-events:1", "consent/consent-state:1");
        assertThat(cert.getJsonArray("dataKeysDestroyed")).isEmpty();
        assertThat(got.body()).doesNotContain(device);
        assertThat(verify(cert)).isTrue();
        assertThat(verify(Json.createObjectBuilder(cert).add("scope", "SUBJECT").build())).isFalse();
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_audit_entry"
                + " WHERE action = 'erasure.request' AND target_type = 'device'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theWebsiteVisitorPolicyErasesDeviceConsentRecordsOlderThanItsPeriodAndNothingYounger() throws Exception {
        // Seeded: website-visitor FIXED 395 days (the ROPA's 13 months). Choices are recorded now and backdated in
        // one transaction, so that the sweep (every second) sees them at once.
        Http anon = server.anonymous();
        String old = "dev-old-" + UUID.randomUUID();
        String young = "dev-young-" + UUID.randomUUID();
        String mixed = "dev-mixed-" + UUID.randomUUID();
        for (String d : new String[]{old, young, mixed}) {
            assertThat(anon.post("/api/v1/public/consent/devices/" + d,
                    "{\"choices\":[{\"purpose\":\"in-app-analytics\",\"action\":\"OPT_OUT\"}]}").status())
                    .isEqualTo(200);
        }
        assertThat(anon.post("/api/v1/public/consent/devices/" + mixed,
                "{\"choices\":[{\"purpose\":\"in-app-analytics\",\"action\":\"OPT_IN\"}]}").status())
                .isEqualTo(200);
        java.util.List<String> before = websiteVisitorErasures();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (java.sql.Connection c = server.database().connect()) {
            c.setAutoCommit(false);
            backdate(c, "UPDATE consent_event SET occurred_at = ?, recorded_at = ? WHERE holder_ref = ?",
                    now.minusDays(400), "device:" + old);
            backdate(c, "UPDATE consent_state SET changed_at = ? WHERE holder_ref = ?", now.minusDays(400),
                    "device:" + old);
            backdate(c, "UPDATE consent_event SET occurred_at = ?, recorded_at = ? WHERE holder_ref = ?",
                    now.minusDays(390), "device:" + young);
            backdate(c, "UPDATE consent_state SET changed_at = ? WHERE holder_ref = ?", now.minusDays(390),
                    "device:" + young);
            // The mixed device's first choice is past the period; its latest choice (and the state) is not.
            backdate(c, "UPDATE consent_event SET occurred_at = ?, recorded_at = ? WHERE holder_ref = ?"
                    + " AND action = 'OPT_OUT'", now.minusDays(400), "device:" + mixed);
            c.commit();
        }
        Dumps.await("the old device's consent rows", Duration.ofSeconds(30), () -> consentRows(old) == 0
                && consentRows(mixed) == 2);
        assertThat(consentRows(young)).as("a device within the period keeps its choice").isEqualTo(2);
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM consent_event WHERE holder_ref = ?"
                + " AND action = 'OPT_IN'", "device:" + mixed)).as("the newer choice stays").isEqualTo(1);
        assertThat(anon.get("/api/v1/public/consent/devices/" + mixed).json().getJsonArray("choices").stream()
                .map(JsonObject.class::cast).filter(c -> c.getString("purpose").equals("in-app-analytics"))
                .map(c -> c.getString("status")).findFirst().orElseThrow()).isEqualTo("OPTED_IN");

        // The sweep's CATEGORY erasures of website-visitor: certified, with consent's counts.
        Dumps.await("the category erasure", Duration.ofSeconds(30), () -> !fresh(before).isEmpty());
        long events = 0;
        long states = 0;
        for (String id : fresh(before)) {
            JsonObject cert = op.get("/api/v1/erasures/" + id + "/certificate").json();
            assertThat(cert.getString("scope")).isEqualTo("CATEGORY");
            assertThat(cert.getString("trigger")).isEqualTo("POLICY");
            assertThat(verify(cert)).isTrue();
            for (JsonObject e : cert.getJsonArray("erased").getValuesAs(JsonObject.class)) {
                String what = e.getString("module") + "/" + e.getString("category");
                events += what.equals("consent/consent-events") ? e.getInt("count") : 0;
                states += what.equals("consent/consent-state") ? e.getInt("count") : 0;
            }
        }
        assertThat(events).as("the old device's event and the mixed device's first").isEqualTo(2);
        assertThat(states).as("the old device's state").isEqualTo(1);
        assertThat(op.get("/api/v1/retention/sweeps?limit=50").json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).mapToLong(r -> r.getJsonNumber("recordsErased").longValue()).sum())
                .as("the sweep runs count them").isGreaterThanOrEqualTo(3);
    }

    private static void backdate(java.sql.Connection c, String sql, OffsetDateTime at, String holder)
            throws java.sql.SQLException {
        try (var ps = c.prepareStatement(sql)) {
            int n = 1;
            ps.setObject(n++, at);
            if (sql.contains("recorded_at")) {
                ps.setObject(n++, at);
            }
            ps.setString(n, holder);
            assertThat(ps.executeUpdate()).isPositive();
        }
    }

    private static java.util.List<String> fresh(java.util.List<String> before) {
        java.util.List<String> now = websiteVisitorErasures();
        now.removeAll(before);
        return now;
    }

    private static java.util.List<String> websiteVisitorErasures() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (java.sql.Connection c = server.database().connect(); var rs = c.createStatement().executeQuery(
                "SELECT id FROM retention_erasure WHERE scope = 'CATEGORY' AND category_key = 'website-visitor'"
                        + " AND status = 'DONE'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    @Test
    void anErasedSubjectsUnsubscribeLinkStillAnswersAPageNotJson() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        String path = unsubscribePath(tenant, subject);
        awaitDone(requestErasure(tenant, subject));

        Http anon = server.anonymous();
        Http.Response page = anon.get(path);
        Http.Response oneClick = oneClick(path);
        for (Http.Response r : new Http.Response[]{page, oneClick}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.body()).contains("You are unsubscribed").contains("no longer hold your details")
                    .doesNotContain("<form");
        }
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM consent_event WHERE holder_ref = ?",
                "subject:" + subject)).as("nothing recorded for an erased subject").isZero();
    }

    @Test
    void anEndedTenantsUnsubscribeLinkAnswersAPageAndStoresNothing() {
        // The tenant's hold keeps its data through the termination, so the link still names a subject whose tenant
        // accepts no personal data: the person gets a page, never the gate's 422 problem.
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        String path = unsubscribePath(tenant, subject);
        Fixtures.tenantHold(op, tenant);
        assertThat(op.post("/api/v1/tenants/" + tenant + "/licence/termination", "{\"acknowledgeErasure\":true}")
                .status()).isEqualTo(200);

        Http.Response oneClick = oneClick(path);
        assertThat(oneClick.status()).as(oneClick.toString()).isEqualTo(200);
        assertThat(oneClick.contentType()).startsWith("text/html");
        assertThat(oneClick.body()).contains("You are unsubscribed");
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM consent_event WHERE holder_ref = ?",
                "subject:" + subject)).as("nothing recorded for an ended tenant").isZero();
    }

    @Test
    void aFixedPolicyErasesDueRecordsExceptUnderALegalHold() {
        // The hold is placed before the due records exist and the policy changes last: the sweep runs every second.
        String tenant = Fixtures.tenant(op, "CLOUD");
        String free = Fixtures.subject(op, tenant);
        String held = Fixtures.subject(op, tenant);
        assertThat(op.post("/api/v1/retention/holds", hold("SUBJECT", tenant, held, false).build().toString())
                .status()).isEqualTo(201);
        String old = OffsetDateTime.now(ZoneOffset.UTC).minusDays(40).toString();
        for (String s : new String[]{free, held}) {
            String base = "/api/v1/tenants/" + tenant + "/subjects/" + s + "/sync-profiles";
            assertThat(op.post(base, "{\"name\":\"old\",\"obtainedAt\":\"" + old + "\"}").status()).isEqualTo(201);
            assertThat(op.post(base, "{\"name\":\"new\"}").status()).isEqualTo(201);
        }
        assertThat(op.put("/api/v1/retention/policies/sync-configuration",
                "{\"trigger\":\"FIXED\",\"periodDays\":30,\"rationale\":\"test\"}").status()).isEqualTo(200);
        try {
            Dumps.await("the old record of the free subject", Duration.ofSeconds(30), () -> count(tenant, free) == 1);
            assertThat(count(tenant, held)).as("the held subject keeps its old record").isEqualTo(2);
            assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_audit_entry"
                    + " WHERE action = 'retention.policy.change'")).isGreaterThanOrEqualTo(1);
            assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'CATEGORY'"
                    + " AND category_key = 'sync-configuration' AND status = 'DONE'")).isGreaterThanOrEqualTo(1);
        } finally {
            op.put("/api/v1/retention/policies/sync-configuration", "{\"trigger\":\"LICENCE_EXPIRY\",\"periodDays\":0}");
        }
    }

    @Test
    void aLegalHoldSuspendsAutomaticErasureButNotTheSubjectsOwnRequestUnlessItSaysWhy() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String plain = Fixtures.subject(op, tenant);
        String blocked = Fixtures.subject(op, tenant);
        JsonObject tenantHold = op.post("/api/v1/retention/holds", hold("TENANT", tenant, null, false).build()
                .toString()).json();
        JsonObject blocking = op.post("/api/v1/retention/holds", hold("SUBJECT", tenant, blocked, true)
                .add("blockReason", "Art. 17(3)(e): evidence in a pending claim").build().toString()).json();
        assertThat(blocking.getBoolean("blocksSubjectRequests")).isTrue();

        // The subject's own request goes through the tenant's hold, which records no reason to block it.
        String own = requestErasure(tenant, plain);
        awaitDone(own);
        // A hold that records why it blocks requests suspends the request, and says so on the erasure.
        Http.Response held = op.post("/api/v1/tenants/" + tenant + "/subjects/" + blocked + "/erasure",
                "{\"reference\":\"JSM-" + Fixtures.unique() + "\"}");
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        assertThat(held.json().getString("heldBy", null)).as("the 202 names the hold that suspends the request")
                .isEqualTo(blocking.getString("id"));
        String suspended = held.json().getString("id");
        Dumps.await("the request to be held", Duration.ofSeconds(20), () -> blocking.getString("id")
                .equals(op.get("/api/v1/erasures/" + suspended).json().getString("heldBy", "")));
        // Automatic deletion (licence termination) is suspended by the tenant hold.
        assertThat(op.post("/api/v1/tenants/" + tenant + "/licence/termination", "{\"acknowledgeErasure\":true}")
                .status()).isEqualTo(200);
        Dumps.await("the tenant erasure to be held", Duration.ofSeconds(20), () -> Dumps.count(server.database(),
                "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'TENANT' AND tenant_id = ? AND held_by = ?",
                tenant, tenantHold.getString("id")) == 1);
        assertThat(op.get("/api/v1/tenants/" + tenant + "/subjects/" + blocked).status()).isEqualTo(200);

        // Released: both go ahead.
        assertThat(op.post("/api/v1/retention/holds/" + blocking.getString("id") + "/release", null).status())
                .isEqualTo(200);
        awaitDone(suspended);
        assertThat(op.post("/api/v1/retention/holds/" + tenantHold.getString("id") + "/release", null).status())
                .isEqualTo(200);
        Dumps.await("the tenant erasure", Duration.ofSeconds(30), () -> Dumps.count(server.database(),
                "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'TENANT' AND tenant_id = ? AND status = 'DONE'",
                tenant) == 1);
        problem(op.post("/api/v1/retention/holds/" + tenantHold.getString("id") + "/release", null), 409, "conflict");
        assertThat(op.get("/api/v1/retention/holds/" + tenantHold.getString("id")).json().getBoolean("active"))
                .isFalse();
    }

    /**
     * The safety net of policy §10: a subject left in a tenant whose licence ended and whose erasure is done (rows
     * stored before writes to ended tenants were refused; here a subject moved into it by SQL) is erased by the
     * next sweeps, with its records.
     */
    @Test
    void aSubjectLeftInAnEndedTenantIsErasedByTheSweep() {
        String ended = Fixtures.tenant(op, "CLOUD");
        assertThat(op.post("/api/v1/tenants/" + ended + "/licence/termination", "{\"acknowledgeErasure\":true}")
                .status()).isEqualTo(200);
        Dumps.await("the first tenant erasure", Duration.ofSeconds(30), () -> Dumps.count(server.database(),
                "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'TENANT' AND tenant_id = ? AND status = 'DONE'",
                ended) == 1);
        String other = Fixtures.tenant(op, "CLOUD");
        String left = Fixtures.subject(op, other);
        assertThat(op.post("/api/v1/tenants/" + other + "/subjects/" + left + "/feedback", "{\"text\":\"left\"}")
                .status()).isEqualTo(201);
        update("UPDATE identity_subject SET tenant_id = ? WHERE id = ?", ended, left);
        update("UPDATE identity_personal_record SET tenant_id = ? WHERE subject_id = ?",
                ended, left);

        Dumps.await("the left subject to be erased", Duration.ofSeconds(30), () -> Dumps.count(server.database(),
                "SELECT COUNT(*) FROM identity_subject WHERE tenant_id = ?", ended) == 0);

        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM identity_personal_record WHERE tenant_id = ?",
                ended)).isZero();
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'SUBJECT'"
                + " AND subject_id = ? AND status = 'DONE'", left)).isEqualTo(1);
    }

    @Test
    void aMinorIsErasedPromptlyAndTheErasureSaysWhy() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        assertThat(op.post("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/minor", null).status())
                .isEqualTo(200);
        Dumps.await("the minor's erasure", Duration.ofSeconds(20),
                () -> op.get("/api/v1/tenants/" + tenant + "/subjects/" + subject).status() == 404);
        JsonObject erasure = op.get("/api/v1/erasures?status=DONE&limit=200").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(e -> subject.equals(e.getString("subjectId", null)))
                .findFirst().orElseThrow();
        assertThat(erasure.getString("trigger")).isEqualTo("MINOR");
        assertThat(erasure.getString("reason")).contains("minor").contains("§8");
        assertThat(op.get("/api/v1/erasures/" + erasure.getString("id") + "/certificate").json().getString("trigger"))
                .isEqualTo("MINOR");
    }

    @Test
    void sweepRunsAreRecordedAndShownAsMetrics() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        awaitDone(requestErasure(tenant, Fixtures.subject(op, tenant)));
        JsonObject run = op.get("/api/v1/retention/sweeps?limit=5").json().getJsonArray("items").getJsonObject(0);
        assertThat(run.getJsonNumber("due").longValue()).isGreaterThanOrEqualTo(0);
        assertThat(run.getString("outcome")).isEqualTo("COMPLETED");
        assertThat(op.get("/api/v1/retention/policies").jsonArray().stream()
                .map(v -> v.asJsonObject().getString("categoryKey"))).contains("contact", "connection-details",
                "sync-configuration", "feedback", "welcome-email", "website-visitor", "in-app-analytics");
        Http.Response metrics = server.anonymous().get("/metrics");
        assertThat(metrics.body()).contains("retention_subjects_erased_total").contains("retention_sweep_last_due")
                .contains("retention_erasures_pending");
    }

    @Test
    void aCategoryAddedToTheRegisterGetsItsFirstPolicyWithARationaleAndTheRopaStatesIt() {
        String key = "support-tickets-" + Fixtures.unique();
        assertThat(op.post("/api/v1/consent/data-categories", "{\"key\":\"" + key + "\",\"name\":\"Support tickets\","
                + "\"description\":\"Tickets users raise\",\"dataSubjects\":\"App users\"}").status()).isEqualTo(201);
        String path = "/api/v1/retention/policies/" + key;
        problem(op.get(path), 404, "not-found", "categoryKey");
        problem(op.put(path, "{\"trigger\":\"FIXED\",\"periodDays\":90}"), 400, "validation", "rationale");
        problem(op.get(path), 404, "not-found", "categoryKey");

        Http.Response created = op.put(path, "{\"trigger\":\"FIXED\",\"periodDays\":90,"
                + "\"rationale\":\"Tickets are closed within a quarter\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(path);
        assertThat(created.json().getInt("periodDays")).isEqualTo(90);
        Http.Response changed = op.put(path, "{\"trigger\":\"FIXED\",\"periodDays\":120}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().getString("rationale")).isEqualTo("Tickets are closed within a quarter");
        assertThat(op.get(path).json().getInt("periodDays")).isEqualTo(120);

        String purpose = "support-" + Fixtures.unique();
        assertThat(op.post("/api/v1/consent/purposes", "{\"key\":\"" + purpose + "\",\"name\":\"Support\","
                + "\"description\":\"Answering tickets\",\"legalBasis\":\"CONTRACT\",\"categories\":[\"" + key + "\"]}")
                .status()).isEqualTo(201);
        assertThat(op.get("/api/v1/inventory/ropa").body()).contains(key + ": erased 120 days after collection");
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_audit_entry"
                + " WHERE action = 'retention.policy.change' AND outcome = 'SUCCESS'")).isGreaterThanOrEqualTo(2);
    }

    /** Mints an unsubscribe link for the subject's drip emails and returns its path. */
    private static String unsubscribePath(String tenant, String subject) {
        Http.Response link = op.post("/api/v1/tenants/" + tenant + "/subjects/" + subject
                + "/consents/unsubscribe-links", "{\"purpose\":\"drip-emails\"}");
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        return java.net.URI.create(link.json().getString("url")).getRawPath();
    }

    /** The RFC 8058 one-click POST a mail client sends, with no login. */
    private static Http.Response oneClick(String path) {
        return server.anonymous().send("POST", path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
    }

    private static JsonObjectBuilder hold(String scope, String tenant, String subject, boolean blocks) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("scope", scope).add("tenantId", tenant)
                .add("reason", "Litigation hold " + Fixtures.unique()).add("owner", "Legal")
                .add("endsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString())
                .add("blocksSubjectRequests", blocks);
        if (subject != null) {
            b.add("subjectId", subject);
        }
        return b;
    }

    private static String requestErasure(String tenant, String subject) {
        Http.Response r = op.post("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/erasure",
                "{\"reference\":\"JSM-" + Fixtures.unique() + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().getString("id");
    }

    private static void update(String sql, Object... params) {
        try (java.sql.Connection c = server.database().connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            assertThat(ps.executeUpdate()).isPositive();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitDone(String erasure) {
        Dumps.await("erasure " + erasure, Duration.ofSeconds(30),
                () -> "DONE".equals(op.get("/api/v1/erasures/" + erasure).json().getString("status")));
    }

    private static boolean verify(JsonObject cert) {
        Http.Response r = op.post("/api/v1/erasures/certificates/verification", cert.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().getBoolean("valid");
    }

    private static long consentRows(String device) {
        return Dumps.count(server.database(), "SELECT COUNT(*) FROM consent_event WHERE holder_ref = ?",
                "device:" + device) + Dumps.count(server.database(),
                "SELECT COUNT(*) FROM consent_state WHERE holder_ref = ?", "device:" + device);
    }

    private static int count(String tenant, String subject) {
        return op.get("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/sync-profiles").json()
                .getJsonArray("items").size();
    }
}
