package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Database;
import org.steward.it.support.Dumps;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

/**
 * kill -9 in the middle of a sweep, then a restart: the sweep completes, and at no point is a subject half-erased
 * (its data key gone and its rows gone, or both still there; a certificate exactly when it is done).
 */
class ErasureCrashIT {

    static final int SUBJECTS = 120;

    @Test
    void aSweepKilledMidwayLeavesNoHalfErasedSubjectAndCompletesAfterRestart() throws Exception {
        Database fresh = Database.fresh("erasure_crash");
        // H2 writes committed transactions to its file after a delay (500 ms by default): a kill -9 can lose the
        // last ones. The erasure's guarantee is the database's transaction, so the embedded H2 must write at commit.
        Database db = fresh.postgres() ? fresh
                : new Database(fresh.url() + ";WRITE_DELAY=0", fresh.user(), fresh.password(), fresh.driver());
        // Slow enough to be killed in the middle: 100 ms inside each subject's transaction. Leases of 5 s, so that
        // the restarted instance (a new lease owner) takes over the rows the dead one had claimed.
        Map<String, String> env = Map.of("STEWARD_RETENTION_SWEEP_PERIOD", "PT1S",
                "STEWARD_RETENTION_ERASURE_DELAY", "PT0.1S", "STEWARD_RETENTION_LEASE", "PT5S",
                "STEWARD_RETENTION_CLAIM_SIZE", "5");
        try (StewardServer server = StewardServer.war("erasure-crash", db, env).start()) {
            Http op = server.http();
            String tenant = Fixtures.tenant(op, "CLOUD");
            List<String> subjects = new ArrayList<>();
            for (int i = 0; i < SUBJECTS; i++) {
                String id = Fixtures.subject(op, tenant);
                assertThat(op.post("/api/v1/tenants/" + tenant + "/subjects/" + id + "/feedback",
                        "{\"text\":\"crash " + Fixtures.unique() + "\"}").status()).isEqualTo(201);
                subjects.add(id);
            }
            List<String[]> keys = dataKeys(db, tenant);
            assertThat(keys).hasSize(SUBJECTS);
            assertThat(op.post("/api/v1/tenants/" + tenant + "/licence/termination", "{\"acknowledgeErasure\":true}")
                    .status()).isEqualTo(200);
            Dumps.await("a part of the backlog erased", Duration.ofSeconds(120), () -> done(db, tenant) >= 15);
            server.kill();
            long doneAtKill = done(db, tenant);
            assertThat(doneAtKill).as("killed in the middle").isBetween(1L, (long) SUBJECTS - 1);
            int erased = checkNoneHalfErased(db, keys);
            System.out.println("Killed with " + doneAtKill + " of " + SUBJECTS + " erasures done; " + erased
                    + " subjects fully erased, " + (SUBJECTS - erased) + " wholly intact, none half-erased");
            assertThat((long) erased).isEqualTo(doneAtKill);

            server.start();
            Dumps.await("the sweep to complete after the restart", Duration.ofSeconds(180), () -> Dumps.count(db,
                    "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'TENANT' AND tenant_id = ?"
                            + " AND status = 'DONE'", tenant) == 1);
            assertThat(checkNoneHalfErased(db, keys)).isEqualTo(SUBJECTS);
            assertThat(done(db, tenant)).isEqualTo(SUBJECTS);
            assertThat(Dumps.count(db, "SELECT COUNT(*) FROM retention_certificate c JOIN retention_erasure e"
                    + " ON e.id = c.erasure_id WHERE e.scope = 'SUBJECT' AND e.tenant_id = ?", tenant))
                    .as("one certificate per subject, none twice").isEqualTo(SUBJECTS);
            assertThat(Dumps.count(db, "SELECT COUNT(*) FROM identity_personal_record WHERE tenant_id = ?", tenant))
                    .isZero();
        }
    }

    private static long done(Database db, String tenant) {
        return Dumps.count(db, "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'SUBJECT' AND tenant_id = ?"
                + " AND status = 'DONE'", tenant);
    }

    /** {subject id, data key id} of every subject of the tenant. */
    private static List<String[]> dataKeys(Database db, String tenant) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, data_key_id FROM identity_subject WHERE tenant_id = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    /**
     * For every subject: key destroyed, subject row gone, records gone, erasure DONE and certified; or all of them
     * the other way. Returns how many are fully erased.
     */
    private static int checkNoneHalfErased(Database db, List<String[]> keys) {
        int erased = 0;
        List<String> half = new ArrayList<>();
        for (String[] k : keys) {
            boolean keyGone = Dumps.count(db, "SELECT COUNT(*) FROM platform_data_key WHERE id = ? AND wrapped IS NULL",
                    k[1]) == 1;
            boolean rowGone = Dumps.count(db, "SELECT COUNT(*) FROM identity_subject WHERE id = ?", k[0]) == 0;
            boolean recordsGone = Dumps.count(db, "SELECT COUNT(*) FROM identity_personal_record WHERE subject_id = ?",
                    k[0]) == 0;
            boolean done = Dumps.count(db, "SELECT COUNT(*) FROM retention_erasure WHERE subject_id = ?"
                    + " AND status = 'DONE'", k[0]) == 1;
            boolean certified = Dumps.count(db, "SELECT COUNT(*) FROM retention_certificate c JOIN retention_erasure e"
                    + " ON e.id = c.erasure_id WHERE e.subject_id = ?", k[0]) == 1;
            if (keyGone && rowGone && recordsGone && done && certified) {
                erased++;
            } else if (keyGone || rowGone || recordsGone || done || certified) {
                half.add(k[0] + " key=" + keyGone + " row=" + rowGone + " records=" + recordsGone + " done=" + done
                        + " cert=" + certified);
            }
        }
        assertThat(half).as("half-erased subjects").isEmpty();
        return erased;
    }
}
