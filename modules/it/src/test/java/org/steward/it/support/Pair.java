package org.steward.it.support;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Two instances of one deployment on one database, clustered through Payara's Hazelcast on loopback, shared by the
 * cluster tests (AuditClusterIT, ConsentClusterIT, ErasureConcurrencyIT, AtlassianClusterIT, ClusterIT) and started once
 * per test JVM. Their settings are the union of what those tests need: one master key (each instance would otherwise
 * generate its own), a sweep every second, small erasure batches with a short pause in each erasure, so that both
 * instances take part in one backlog, and short leases (seconds, not minutes), so that the work of an instance that
 * died is taken over within a test. Every member lists three grid ports: ClusterIT starts a third instance
 * ({@link #third}) that joins them. Tests on the pair count what they did, never what the database holds in all.
 */
public record Pair(StewardServer a, StewardServer b, Database database, Map<String, String> environment,
                   String cluster, int basePort) {

    /** The members every instance lists: the pair and room for {@link #third}. */
    static final int MEMBERS = 3;

    /**
     * How long each module's leases last on the pair. Atlassian's may not be shorter than four HTTP timeouts, the
     * sharing module's than two (a call in flight is never taken over): both have 2-second timeouts here.
     */
    public static final Map<String, String> LEASES = Map.of(
            "STEWARD_RETENTION_LEASE", "PT8S",
            "STEWARD_REQUESTS_TASK_LEASE", "PT8S",
            "STEWARD_SHARING_HTTP_TIMEOUT", "PT2S",
            "STEWARD_SHARING_LEASE", "PT8S",
            "STEWARD_ATLASSIAN_HTTP_TIMEOUT", "PT2S",
            "STEWARD_ATLASSIAN_LEASE", "PT8S");

    private static Pair shared;

    public static synchronized Pair shared() {
        if (shared == null) {
            Database db = Database.fresh("pair");
            Map<String, String> env = new HashMap<>(Map.of(
                    "STEWARD_CRYPTO_MASTER_KEY", Base64.getEncoder().encodeToString(StewardServer.randomKey()),
                    "STEWARD_RETENTION_SWEEP_PERIOD", "PT1S",
                    "STEWARD_RETENTION_CLAIM_SIZE", "5",
                    "STEWARD_RETENTION_ERASURE_DELAY", "PT0.01S",
                    // The tests' stand-ins for Atlassian, JSM and webhook receivers listen on plain http on 127.0.0.1.
                    "STEWARD_ATLASSIAN_ALLOW_HTTP", "true",
                    "STEWARD_ATLASSIAN_ALLOW_PRIVATE_ADDRESSES", "true",
                    "STEWARD_SHARING_ALLOW_HTTP", "true",
                    "STEWARD_SHARING_ALLOW_PRIVATE_ADDRESSES", "true"));
            env.putAll(LEASES);
            String cluster = "steward-it-" + Fixtures.unique();
            int base = Ports.freeRun(MEMBERS);
            shared = new Pair(StewardServer.war("pair-a", db, env, StewardServer.clusterArgs(cluster, base, MEMBERS, 0)),
                    StewardServer.war("pair-b", db, env, StewardServer.clusterArgs(cluster, base, MEMBERS, 1)), db,
                    Map.copyOf(env), cluster, base);
            // One after the other: the first start migrates and seeds the database; B then joins A's cluster.
            // Through fixture(): each is stopped at exit, and a failed start is not retried by the next class.
            StewardServer.fixture("pair-a", shared::a);
            StewardServer.fixture("pair-b", shared::b);
        }
        return shared;
    }

    /**
     * A third instance of the pair's deployment, settings and database, on the third grid port: not started, and not
     * shared (its test kills it). Start it after {@link #shared()}.
     */
    public StewardServer third(String name) {
        return StewardServer.war(name, database, environment, StewardServer.clusterArgs(cluster, basePort, MEMBERS, 2));
    }
}
