package org.steward.it.support;

import java.util.Base64;
import java.util.Map;

/**
 * Two instances of one deployment on one database, clustered through Payara's Hazelcast on loopback, shared by the
 * two-instance tests (AuditClusterIT, ConsentClusterIT, ErasureConcurrencyIT, AtlassianClusterIT) and started once per test JVM. Their
 * settings are the union of what those tests need: one master key (each instance would otherwise generate its own),
 * a sweep every second and small erasure batches with a short pause in each erasure, so that both instances take
 * part in one backlog. Tests on the pair count what they did, never what the database holds in all.
 */
public record Pair(StewardServer a, StewardServer b, Database database) {

    private static Pair shared;

    public static synchronized Pair shared() {
        if (shared == null) {
            Database db = Database.fresh("pair");
            Map<String, String> env = Map.of(
                    "STEWARD_CRYPTO_MASTER_KEY", Base64.getEncoder().encodeToString(StewardServer.randomKey()),
                    "STEWARD_RETENTION_SWEEP_PERIOD", "PT1S",
                    "STEWARD_RETENTION_CLAIM_SIZE", "5",
                    "STEWARD_RETENTION_ERASURE_DELAY", "PT0.01S",
                    // AtlassianIT's stand-in for Atlassian listens on plain http on 127.0.0.1.
                    "STEWARD_ATLASSIAN_ALLOW_HTTP", "true",
                    "STEWARD_ATLASSIAN_ALLOW_PRIVATE_ADDRESSES", "true");
            String cluster = "steward-it-" + Fixtures.unique();
            int base = Ports.freeRun(2);
            shared = new Pair(StewardServer.war("pair-a", db, env, StewardServer.clusterArgs(cluster, base, 2, 0)),
                    StewardServer.war("pair-b", db, env, StewardServer.clusterArgs(cluster, base, 2, 1)), db);
            // One after the other: the first start migrates and seeds the database; B then joins A's cluster.
            // Through fixture(): each is stopped at exit, and a failed start is not retried by the next class.
            StewardServer.fixture("pair-a", shared::a);
            StewardServer.fixture("pair-b", shared::b);
        }
        return shared;
    }
}
