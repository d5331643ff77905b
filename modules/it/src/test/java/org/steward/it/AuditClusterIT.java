package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Database;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.Pair;
import org.steward.it.support.StewardServer;
import org.steward.it.support.Tables;

/**
 * Two instances on one database append to one audit chain at the same time: no fork, no gap. On the shared pair
 * ({@link Pair#shared()}): the chain checks cover the whole table, the counts what this test appended.
 */
class AuditClusterIT {

    @Test
    void twoInstancesWritingAtOnceKeepOneUnbrokenChain() throws Exception {
        Pair pair = Pair.shared();
        Database db = pair.database();
        StewardServer a = pair.a();
        StewardServer b = pair.b();
        String tenant = Fixtures.tenant(a.http(), "CLOUD");
        long before = entries(db);
        long registeredBefore = registered(db);
        List<Http> clients = List.of(a.http(), b.http());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Http http = clients.get(t % 2);
            results.add(pool.submit(() -> {
                int created = 0;
                for (int i = 0; i < 15; i++) {
                    Http.Response r = http.post("/api/v1/tenants/" + tenant + "/subjects",
                            "{\"email\":\"c-" + Fixtures.unique() + "@example.com\"}");
                    if (r.status() == 201) {
                        created++;
                    }
                }
                return created;
            }));
        }
        int created = 0;
        for (Future<Integer> f : results) {
            created += f.get();
        }
        pool.shutdown();
        assertThat(created).isEqualTo(90);

        try (Connection c = db.connect()) {
            long count = Tables.count(c, "SELECT COUNT(*) FROM platform_audit_entry");
            long max = Tables.count(c, "SELECT MAX(seq) FROM platform_audit_entry");
            long min = Tables.count(c, "SELECT MIN(seq) FROM platform_audit_entry");
            assertThat(max - min + 1).as("no gap in seq").isEqualTo(count);
            assertThat(Tables.count(c, "SELECT COUNT(DISTINCT seq) FROM platform_audit_entry"))
                    .as("no fork").isEqualTo(count);
        }
        assertThat(registered(db) - registeredBefore).isEqualTo(90);
        assertThat(entries(db) - before).isGreaterThanOrEqualTo(90);
        for (StewardServer s : List.of(a, b)) {
            JsonObject verdict = s.http().post("/api/v1/audit/verify", null).json();
            assertThat(verdict.getBoolean("valid")).as(verdict.toString()).isTrue();
        }
    }

    /** Successful subject registrations recorded in the chain. */
    private static long registered(Database db) throws Exception {
        try (Connection c = db.connect()) {
            return Tables.count(c, "SELECT COUNT(*) FROM platform_audit_entry"
                    + " WHERE action = 'subject.register' AND outcome = 'SUCCESS'");
        }
    }

    private static long entries(Database db) throws Exception {
        try (Connection c = db.connect()) {
            return Tables.count(c, "SELECT COUNT(*) FROM platform_audit_entry");
        }
    }
}
