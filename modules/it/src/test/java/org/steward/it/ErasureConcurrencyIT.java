package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Database;
import org.steward.it.support.Dumps;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.Pair;
import org.steward.it.support.StewardServer;

/**
 * Two server instances on one database sweep the same backlog at the same time (a terminated licence: 200
 * subjects). Every subject is erased exactly once: one DONE row, one certificate, one destroyed key each; nothing
 * is left and nothing is done twice. On the shared pair ({@link Pair#shared()}), counting from before the
 * termination.
 */
class ErasureConcurrencyIT {

    static final int SUBJECTS = 200;

    @Test
    void twoInstancesEraseEverySubjectExactlyOnce() throws Exception {
        Pair pair = Pair.shared();
        Database db = pair.database();
        StewardServer a = pair.a();
        StewardServer b = pair.b();
        Http op = a.http();
        String tenant = Fixtures.tenant(op, "CLOUD");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            created.add(pool.submit(() -> {
                String id = Fixtures.subject(op, tenant);
                Http.Response r = op.post("/api/v1/tenants/" + tenant + "/subjects/" + id + "/feedback",
                        "{\"text\":\"feedback " + Fixtures.unique() + "\"}");
                assertThat(r.status()).isEqualTo(201);
                return id;
            }));
        }
        for (Future<String> f : created) {
            f.get();
        }
        pool.shutdown();

        // Counted from here: what the pair's other tests left is not this test's.
        long completedBefore = Dumps.count(db, "SELECT COUNT(*) FROM platform_audit_entry"
                + " WHERE action = 'erasure.complete'");
        long destroyedBefore = Dumps.count(db, "SELECT COUNT(*) FROM platform_data_key WHERE wrapped IS NULL");
        long t0 = System.nanoTime();
        assertThat(b.http().post("/api/v1/tenants/" + tenant + "/licence/termination",
                "{\"acknowledgeErasure\":true}").status()).isEqualTo(200);
        Dumps.await("the tenant's erasure", Duration.ofSeconds(180), () -> Dumps.count(db,
                "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'TENANT' AND tenant_id = ?"
                        + " AND status = 'DONE'", tenant) == 1);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        String sub = "SELECT id FROM retention_erasure WHERE scope = 'SUBJECT' AND tenant_id = '" + tenant + "'";
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM (" + sub + ") x")).isEqualTo(SUBJECTS);
        assertThat(Dumps.count(db, "SELECT COUNT(DISTINCT subject_id) FROM retention_erasure WHERE scope = 'SUBJECT'"
                + " AND tenant_id = ?", tenant)).isEqualTo(SUBJECTS);
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM retention_erasure WHERE tenant_id = ? AND status <> 'DONE'",
                tenant)).isZero();
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM retention_certificate WHERE erasure_id IN (" + sub + ")"))
                .as("one certificate per subject, no duplicates").isEqualTo(SUBJECTS);
        assertThat(Dumps.count(db, "SELECT COUNT(DISTINCT erasure_id) FROM retention_certificate"
                + " WHERE erasure_id IN (" + sub + ")")).isEqualTo(SUBJECTS);
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM platform_audit_entry WHERE action = 'erasure.complete'")
                - completedBefore).as("each erasure completed once").isEqualTo(SUBJECTS + 1);
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM identity_subject WHERE tenant_id = ?", tenant)).isZero();
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM identity_personal_record WHERE tenant_id = ?", tenant))
                .isZero();
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM platform_data_key WHERE wrapped IS NULL")
                - destroyedBefore).as("one destroyed data key per subject").isEqualTo(SUBJECTS);
        List<String> byInstance = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT completed_by, COUNT(*)"
                + " FROM retention_erasure WHERE scope = 'SUBJECT' AND tenant_id = ? GROUP BY completed_by")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byInstance.add(rs.getString(1).substring(0, 8) + "=" + rs.getLong(2));
                }
            }
        }
        System.out.println("Two instances erased " + SUBJECTS + " subjects in " + ms + " ms; per instance: "
                + byInstance);
        assertThat(byInstance).as("both instances took part").hasSize(2);
    }
    /**
     * Policy §10: writes that race a termination. Clients on both instances keep registering subjects, adding a
     * record and recording a consent for each, before, during and after the termination and its erasure. Each write
     * is either accepted before the licence ended (and then erased with the tenant) or refused with licence-ended;
     * when the tenant's erasure is done, and writes have gone on after it, no row of the tenant is left.
     */
    @Test
    void writesRacingATerminationAreErasedWithTheTenantOrRefused() throws Exception {
        Pair pair = Pair.shared();
        Database db = pair.database();
        String tenant = Fixtures.tenant(pair.a().http(), "CLOUD");
        String subjects = "/api/v1/tenants/" + tenant + "/subjects";
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Http http = (w % 2 == 0 ? pair.a() : pair.b()).http();
            writers.add(pool.submit(() -> {
                while (!stop.get()) {
                    Http.Response r = http.post(subjects, "{\"email\":\"race-" + Fixtures.unique() + "@example.com\"}");
                    if (!accepted(r, accepted, refused, unexpected)) {
                        continue;
                    }
                    String one = subjects + "/" + r.json().getString("id");
                    accepted(http.post(one + "/feedback", "{\"text\":\"racing\"}"), accepted, refused, unexpected);
                    accepted(http.post(one + "/consents", "{\"purpose\":\"drip-emails\",\"action\":\"OBJECT\"}"),
                            accepted, refused, unexpected);
                }
                return null;
            }));
        }
        Thread.sleep(1500);
        assertThat(pair.b().http().post("/api/v1/tenants/" + tenant + "/licence/termination",
                "{\"acknowledgeErasure\":true,\"reason\":\"race\"}").status()).isEqualTo(200);
        Dumps.await("the tenant's erasure", Duration.ofSeconds(180), () -> Dumps.count(db,
                "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'TENANT' AND tenant_id = ?"
                        + " AND status = 'DONE'", tenant) == 1);
        Thread.sleep(3000); // writes go on after the erasure
        stop.set(true);
        for (Future<?> f : writers) {
            f.get();
        }
        pool.shutdown();

        assertThat(unexpected).as("every write is accepted or refused with licence-ended").isEmpty();
        assertThat(accepted.get()).as("writes accepted before the termination").isPositive();
        assertThat(refused.get()).as("writes refused after it").isPositive();
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM identity_subject WHERE tenant_id = ?", tenant)).isZero();
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM identity_personal_record WHERE tenant_id = ?", tenant))
                .isZero();
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM consent_event WHERE tenant_id = ?", tenant)).isZero();
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM consent_state WHERE tenant_id = ?", tenant)).isZero();
        System.out.println("Racing the termination: " + accepted.get() + " writes accepted, " + refused.get()
                + " refused; nothing left");
    }

    /** Counts a write; true when it was accepted. A subject erased under a write answers 404, which is fine too. */
    private static boolean accepted(Http.Response r, java.util.concurrent.atomic.AtomicInteger accepted,
                                    java.util.concurrent.atomic.AtomicInteger refused, List<String> unexpected) {
        if (r.status() == 201) {
            accepted.incrementAndGet();
            return true;
        }
        if (r.status() == 422 && r.body().contains("licence-ended") || r.status() == 404) {
            refused.incrementAndGet();
        } else {
            unexpected.add(r.toString());
        }
        return false;
    }
}
