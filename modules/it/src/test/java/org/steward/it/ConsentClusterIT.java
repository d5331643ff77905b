package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.Pair;
import org.steward.it.support.StewardServer;

/**
 * Two instances on one database, clustered through Payara's Hazelcast on loopback: a consent change committed on A
 * invalidates B's in-JVM decision cache before A's response returns, so B's very next decision reflects it. On the
 * shared pair ({@link Pair#shared()}).
 */
class ConsentClusterIT {

    private static final int ROUNDS = 20;

    @Test
    void eachMemberListensOnTheConfiguredInterfaceOnly() throws Exception {
        Pair pair = Pair.shared();
        for (StewardServer member : new StewardServer[] {pair.a(), pair.b()}) {
            // The HTTP port binds every interface here (no bind address is configured); the grid port must not.
            java.util.Set<String> grid = new java.util.HashSet<>(org.steward.it.support.Sockets.listening(member.pid()));
            grid.removeIf(socket -> socket.endsWith(":" + member.port()));
            assertThat(grid).as("the grid port").isNotEmpty()
                    .allSatisfy(socket -> assertThat(socket).startsWith("127.0.0.1:"));
        }
    }

    @Test
    void aChangeOnOneInstanceIsSeenByTheOtherAtOnce() throws Exception {
        Pair pair = Pair.shared();
        StewardServer a = pair.a();
        StewardServer b = pair.b();
        awaitMembers(b, 2);

        Http officerA = a.http();
        String tenant = Fixtures.tenant(officerA, "CLOUD");
        String subject = Fixtures.subject(officerA, tenant);
        Http serviceB = b.apiKey(tenant, "SERVICE");
        int v = officerA.put("/api/v1/consent/purposes/web-analytics/notices/en",
                "{\"text\":\"Cluster notice\"}").json().getInt("version");
        String consents = "/api/v1/tenants/" + tenant + "/subjects/" + subject + "/consents";

        assertThat(decision(serviceB, subject, "web-analytics").getBoolean("allowed")).isFalse();
        for (int i = 0; i < ROUNDS; i++) {
            boolean grant = i % 2 == 0;
            // B's cache holds the current state (asked twice: the second is a cache hit)
            decision(serviceB, subject, "web-analytics");
            assertThat(decision(serviceB, subject, "web-analytics").getBoolean("allowed")).isEqualTo(!grant);
            Http.Response r = officerA.post(consents, grant
                    ? "{\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":" + v + "}"
                    : "{\"purpose\":\"web-analytics\",\"action\":\"WITHDRAW\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            JsonObject onB = decision(serviceB, subject, "web-analytics");
            assertThat(onB.getBoolean("allowed")).as("round " + i + ": B after A's " + (grant ? "grant" : "withdrawal"))
                    .isEqualTo(grant);
        }

        // A restriction set on A denies on B at once; lifting it on A allows on B at once.
        decision(serviceB, subject, "app-provision");
        String restriction = "/api/v1/tenants/" + tenant + "/subjects/" + subject + "/restriction";
        assertThat(officerA.post(restriction, "{}").status()).isEqualTo(201);
        assertThat(decision(serviceB, subject, "app-provision").getString("reason")).isEqualTo("RESTRICTED");
        assertThat(officerA.delete(restriction).status()).isEqualTo(204);
        assertThat(decision(serviceB, subject, "app-provision").getString("reason")).isEqualTo("CONTRACT");

        // And the other way round: a change on B is seen on A.
        Http serviceA = a.apiKey(tenant, "SERVICE");
        decision(serviceA, subject, "drip-emails");
        assertThat(b.http().post(consents, "{\"purpose\":\"drip-emails\",\"action\":\"OPT_OUT\"}").status())
                .isEqualTo(201);
        assertThat(decision(serviceA, subject, "drip-emails").getString("reason")).isEqualTo("OPTED_OUT");

        assertThat(Files.readString(a.log())).contains("Consent decision cache: Hazelcast topics");
        assertThat(Files.readString(b.log())).contains("Consent decision cache: Hazelcast topics");
    }

    private static JsonObject decision(Http client, String subject, String purpose) {
        Http.Response r = client.get("/api/v1/consent/decision?subject=" + subject + "&purpose=" + purpose);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** Waits until the server's log shows Payara's data grid with {@code size} members. */
    private static void awaitMembers(StewardServer s, int size) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(s.log()).contains("DG Size: " + size)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no cluster of " + size + " formed:\n" + s.logTail());
    }
}
