package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.steward.it.support.Database;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.it.support.TcpProxy;
import org.steward.it.support.Tokens;

/**
 * The database goes away under a running server (issue 10, item 10): its server talks to PostgreSQL through a
 * {@link TcpProxy} that the test cuts and restores. PostgreSQL only (an embedded H2 cannot be cut off).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

    private static Database direct;
    private static TcpProxy proxy;
    private static StewardServer server;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Database.postgresConfigured(), "STEWARD_DB_URL does not name PostgreSQL");
        direct = Database.fresh("outage");
        URI target = URI.create(direct.url().substring("jdbc:".length()));
        proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
        String proxied = direct.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
        server = StewardServer.war("outage", new Database(proxied, direct.user(), direct.password(), direct.driver()),
                Map.of());
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    /** A token caller: its authentication needs no database, so the request reaches the API's exception mappers. */
    private static Http bearer() {
        return server.anonymous().authorization("Bearer " + Tokens.sign(Tokens.claims("outage-admin", "ADMIN").build()));
    }

    @Test
    @Order(1)
    void connectionsTerminatedByTheDatabaseAreReplacedAtOnce() throws Exception {
        assertThat(server.admin().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(bearer().get("/api/v1/tenants").status()).isEqualTo(200);
        int terminated;
        try (Connection c = direct.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            r.next();
            terminated = r.getInt(1);
        }
        assertThat(terminated).as("the server's pooled connections").isPositive();
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(server.admin().get("/api/v1/me").status()).isEqualTo(200);
            assertThat(bearer().get("/api/v1/tenants").status()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    @Order(2)
    void whileTheDatabaseIsUnreachableEveryAnswerIsA503ProblemWithRetryAfter() {
        proxy.cut();
        try {
            for (Http client : new Http[] {bearer(), server.admin()}) {
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    Http.Response r = client.get(client == server.admin() ? "/api/v1/me" : "/api/v1/tenants");
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    assertThat(r.status()).as(r.toString()).isEqualTo(503);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.json().getString("type")).isEqualTo("urn:steward:problem:database-unavailable");
                    assertThat(r.header("Retry-After")).isEqualTo("5");
                    assertThat(took).as("no long wait for a connection").isLessThan(Duration.ofSeconds(3));
                }
            }
            Http.Response ready = server.anonymous().get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
        } finally {
            proxy.restore();
        }
    }

    @Test
    @Order(3)
    void aRestoredDatabaseIsUsedAgainWithinFiveSeconds() {
        proxy.cut();
        assertThat(bearer().get("/api/v1/tenants").status()).isEqualTo(503);
        proxy.restore();
        long t0 = System.nanoTime();
        Duration recovered = null;
        while (Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(30)) < 0) {
            if (bearer().get("/api/v1/tenants").status() == 200 && server.admin().get("/api/v1/me").status() == 200
                    && server.anonymous().get("/health/ready").status() == 200) {
                recovered = Duration.ofNanos(System.nanoTime() - t0);
                break;
            }
            sleep(100);
        }
        System.out.println("DatabaseOutageIT: recovered " + recovered + " after the database came back");
        assertThat(recovered).as("recovery time").isNotNull().isLessThan(Duration.ofSeconds(5));
        Http.Response created = server.http().post("/api/v1/tenants", Fixtures.tenantJson("CLOUD", "2099-12-31"));
        assertThat(created.status()).as("a write after the outage: " + created).isEqualTo(201);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
