package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.JsonObject;
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
 * The PURPOSE_FULFILLED trigger, as seeded: welcome-email activity (drip-email records) is erased 30 days after the
 * drip-emails purpose ended for the subject, whether the vendor declared the sequence over or the subject objected.
 */
class PurposeFulfilledIT {

    private static StewardServer server;
    private static Http op;

    @BeforeAll
    static void start() {
        server = StewardServer.sweeping();
        op = server.http();
    }

    @Test
    void aDeclaredEndErasesTheDripActivityCollectedUntilThenOncePastThePolicyPeriod() {
        JsonObject policy = op.get("/api/v1/retention/policies/welcome-email").json();
        assertThat(policy.getString("trigger")).isEqualTo("PURPOSE_FULFILLED");
        assertThat(policy.getInt("periodDays")).isEqualTo(30);
        String tenant = Fixtures.tenant(op, "CLOUD");
        String ended = Fixtures.subject(op, tenant);   // the sequence ended 35 days ago: due
        String recent = Fixtures.subject(op, tenant);  // ended 5 days ago: not yet due
        String running = Fixtures.subject(op, tenant); // still in the sequence
        String held = Fixtures.subject(op, tenant);    // due, but under a legal hold
        for (String s : new String[]{ended, recent, running, held}) {
            drip(tenant, s, 1, now().minusDays(40));
            drip(tenant, s, 2, now().minusDays(38));
        }
        drip(tenant, ended, 1, now().minusDays(2)); // a new sequence after the end: not the ended purpose's data
        assertThat(op.post(base(tenant, ended) + "/contacts",
                "{\"name\":\"M\",\"email\":\"m@example.com\",\"message\":\"Please call back\"}").status())
                .isEqualTo(201);
        assertThat(op.post("/api/v1/retention/holds", """
                {"scope":"SUBJECT","tenantId":"%s","subjectId":"%s","reason":"Dispute","owner":"Legal",
                 "endsAt":"%s"}""".formatted(tenant, held, now().plusDays(10))).status()).isEqualTo(201);

        JsonObject end = declare(tenant, ended, now().minusDays(35));
        assertThat(end.getString("status")).isEqualTo("PENDING");
        assertThat(end.getString("cause")).isEqualTo("FULFILLED");
        assertThat(OffsetDateTime.parse(end.getString("erasableFrom")))
                .isEqualTo(OffsetDateTime.parse(end.getString("endedAt")).plusDays(30));
        declare(tenant, recent, now().minusDays(5));
        declare(tenant, held, now().minusDays(35));

        Dumps.await("the ended subject's old drip activity", Duration.ofSeconds(30),
                () -> drips(tenant, ended) == 1);
        JsonObject done = op.get(base(tenant, ended) + "/purpose-ends").jsonArray().getJsonObject(0);
        assertThat(done.getString("purposeKey")).isEqualTo("drip-emails");
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getString("erasedAt")).isNotBlank();
        assertThat(drips(tenant, ended)).as("the activity after the end stays").isEqualTo(1);
        assertThat(op.get(base(tenant, ended) + "/contacts").json().getJsonArray("items"))
                .as("contact data is not the category's: it stays").hasSize(1);
        assertThat(drips(tenant, recent)).isEqualTo(2);
        assertThat(drips(tenant, running)).isEqualTo(2);
        assertThat(drips(tenant, held)).as("held").isEqualTo(2);
        assertThat(op.get(base(tenant, held) + "/purpose-ends").jsonArray().getJsonObject(0).getString("status"))
                .isEqualTo("PENDING");

        // A signed certificate for the category erasure, counting the records, naming no subject.
        JsonObject erasure = op.get("/api/v1/erasures?status=DONE&limit=200").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(e -> "welcome-email".equals(e.getString("categoryKey", null)))
                .findFirst().orElseThrow();
        assertThat(erasure.getString("trigger")).isEqualTo("POLICY");
        Http.Response cert = op.get("/api/v1/erasures/" + erasure.getString("id") + "/certificate");
        assertThat(cert.status()).isEqualTo(200);
        assertThat(cert.body()).contains("welcome-email").doesNotContain(ended).doesNotContain(tenant);
        Http.Response verified = op.post("/api/v1/erasures/certificates/verification", cert.body());
        assertThat(verified.json().getBoolean("valid")).isTrue();
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_audit_entry"
                + " WHERE action = 'purpose-end.record' AND target_id = ?", ended)).isEqualTo(1);
    }

    @Test
    void anObjectionEndsThePurposeAndOptingBackInResumesIt() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        drip(tenant, subject, 1, now().minusDays(1));
        assertThat(consent(tenant, subject, "OBJECT").status()).isEqualTo(201);
        JsonObject end = op.get(base(tenant, subject) + "/purpose-ends").jsonArray().getJsonObject(0);
        assertThat(end.getString("purposeKey")).isEqualTo("drip-emails");
        assertThat(end.getString("cause")).isEqualTo("OBJECTED");
        assertThat(end.getString("status")).isEqualTo("PENDING");
        OffsetDateTime erasable = OffsetDateTime.parse(end.getString("erasableFrom"));
        assertThat(erasable).isBetween(now().plusDays(30).minusMinutes(5), now().plusDays(30));

        // Repeating the choice does not postpone the erasure.
        assertThat(consent(tenant, subject, "OPT_OUT").status()).isEqualTo(201);
        JsonObject again = op.get(base(tenant, subject) + "/purpose-ends").jsonArray().getJsonObject(0);
        assertThat(again.getString("endedAt")).isEqualTo(end.getString("endedAt"));

        assertThat(consent(tenant, subject, "OPT_IN").status()).isEqualTo(201);
        assertThat(op.get(base(tenant, subject) + "/purpose-ends").jsonArray()).isEmpty();
        assertThat(drips(tenant, subject)).isEqualTo(1);
    }

    @Test
    void withdrawingAPendingEndKeepsTheDataAndAnErasedOneCannotBeWithdrawn() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        drip(tenant, subject, 1, now().minusDays(40));
        declare(tenant, subject, now().minusDays(1));
        assertThat(op.delete(base(tenant, subject) + "/purpose-ends/drip-emails").status()).isEqualTo(204);
        assertThat(op.get(base(tenant, subject) + "/purpose-ends").jsonArray()).isEmpty();
        problem(op.delete(base(tenant, subject) + "/purpose-ends/drip-emails"), 404, "not-found", "purposeKey");

        declare(tenant, subject, now().minusDays(31));
        Dumps.await("the erasure", Duration.ofSeconds(30), () -> drips(tenant, subject) == 0);
        Dumps.await("the end to be DONE", Duration.ofSeconds(10), () -> "DONE".equals(
                op.get(base(tenant, subject) + "/purpose-ends").jsonArray().getJsonObject(0).getString("status")));
        problem(op.delete(base(tenant, subject) + "/purpose-ends/drip-emails"), 409, "conflict", "purposeKey");
    }

    @Test
    void badInputsAreProblemsThatNameTheFieldAndWriteNothing() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        String path = base(tenant, subject) + "/purpose-ends/";
        problem(op.put(path + "no-such-purpose", "{\"cause\":\"FULFILLED\"}"), 404, "not-found", "purposeKey");
        problem(op.put(base(tenant, UUID.randomUUID().toString()) + "/purpose-ends/drip-emails",
                "{\"cause\":\"FULFILLED\"}"), 404, "not-found", "subjectId");
        String otherTenant = Fixtures.tenant(op, "CLOUD");
        problem(op.put(base(otherTenant, subject) + "/purpose-ends/drip-emails", "{\"cause\":\"FULFILLED\"}"), 404,
                "not-found", "subjectId");
        problem(op.put(path + "drip-emails", "{\"cause\":\"DONE\"}"), 400, "validation", "cause");
        problem(op.put(path + "drip-emails", "{}"), 400, "validation", "cause");
        problem(op.put(path + "drip-emails", null), 400, "missing-body");
        problem(op.put(path + "drip-emails", "{\"cause\":\"FULFILLED\",\"endedAt\":\"" + now().plusDays(1) + "\"}"),
                400, "validation", "endedAt");
        problem(op.put(path + "drip-emails", "{\"cause\":\"FULFILLED\",\"endedAt\":\"1990-01-01T00:00:00Z\"}"),
                400, "validation", "endedAt");
        problem(op.put(path + "drip-emails", "{\"cause\":\"FULFILLED\",\"endedAt\":\"yesterday\"}"), 400,
                "wrong-type", "endedAt");
        problem(op.put(path + "drip-emails", "{\"cause\":\"FULFILLED\",\"extra\":1}"), 400, "unknown-field",
                "extra");
        problem(op.get(base(tenant, UUID.randomUUID().toString()) + "/purpose-ends"), 404, "not-found",
                "subjectId");
        assertThat(op.get(base(tenant, subject) + "/purpose-ends").jsonArray()).isEmpty();
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM retention_purpose_end WHERE subject_id = ?",
                subject)).isZero();
    }

    @Test
    void concurrentDeclarationsOfOneEndAllSucceedAndLeaveOneRow() throws Exception {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<Http.Response>>();
            for (int i = 0; i < 8; i++) {
                OffsetDateTime at = now().minusHours(i + 1);
                calls.add(pool.submit(() -> op.put(base(tenant, subject) + "/purpose-ends/drip-emails",
                        "{\"cause\":\"FULFILLED\",\"endedAt\":\"" + at + "\"}")));
            }
            for (var call : calls) {
                Http.Response r = call.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM retention_purpose_end WHERE subject_id = ?",
                subject)).isEqualTo(1);
    }

    @Test
    void theSubjectsErasureTakesItsPurposeEndsWithIt() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        declare(tenant, subject, now().minusDays(1));
        Http.Response r = op.post(base(tenant, subject) + "/erasure", "{\"reference\":\"JSM-" + Fixtures.unique()
                + "\"}");
        assertThat(r.status()).isEqualTo(202);
        Dumps.await("the erasure", Duration.ofSeconds(30), () -> "DONE".equals(
                op.get("/api/v1/erasures/" + r.json().getString("id")).json().getString("status")));
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM retention_purpose_end WHERE subject_id = ?",
                subject)).isZero();
    }

    private static JsonObject declare(String tenant, String subject, OffsetDateTime endedAt) {
        Http.Response r = op.put(base(tenant, subject) + "/purpose-ends/drip-emails",
                "{\"cause\":\"FULFILLED\",\"endedAt\":\"" + endedAt + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static Http.Response consent(String tenant, String subject, String action) {
        return op.post(base(tenant, subject) + "/consents", "{\"purpose\":\"drip-emails\",\"action\":\"" + action
                + "\"}");
    }

    private static void drip(String tenant, String subject, int step, OffsetDateTime at) {
        Http.Response r = op.post(base(tenant, subject) + "/drip-activity", """
                {"sequence":"onboarding-v2","step":%d,"event":"OPENED","obtainedAt":"%s"}""".formatted(step, at));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static int drips(String tenant, String subject) {
        return op.get(base(tenant, subject) + "/drip-activity").json().getJsonArray("items").size();
    }

    private static String base(String tenant, String subject) {
        return "/api/v1/tenants/" + tenant + "/subjects/" + subject;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
