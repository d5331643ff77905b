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
}
