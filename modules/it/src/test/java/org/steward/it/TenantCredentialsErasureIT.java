package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Dumps;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

/**
 * A tenant's erasure (licence terminated or expired) deletes the Steward users and API keys bound to it (policy §10:
 * a username can be a person's name or email), and they fail authentication at once, even while a verified password
 * is still remembered. Unbound users and keys, and those of other tenants, are untouched. On the server that sweeps
 * every second ({@link StewardServer#sweeping()}); the global counts below only see this test's changes, since test
 * classes run one after another and no other erasure that deletes credentials is pending there.
 */
class TenantCredentialsErasureIT {

    /** Users.REMEMBER_NANOS: how long a verified password is remembered. */
    private static final Duration REMEMBERED = Duration.ofSeconds(60);

    private static StewardServer server;
    private static Http op;

    /** A user's or key's id, its tenant (or null) and a client that authenticates with it. */
    private record Credential(String id, String tenantId, Http http) {

        Http.Response me() {
            return http.get("/api/v1/me");
        }
    }

    @BeforeAll
    static void start() {
        server = StewardServer.sweeping();
        op = server.http();
    }

    @Test
    void aTerminatedTenantsUsersAndApiKeysAreDeletedAndFailAtOnce() throws Exception {
        String erased = Fixtures.tenant(op, "CLOUD");
        Fixtures.subject(op, erased);
        String other = Fixtures.tenant(op, "CLOUD");
        Credential user = user("jane.doe-" + Fixtures.unique() + "@example.com", erased, "SUPPORT_AGENT");
        Credential key = apiKey(erased, "SERVICE");
        Credential otherUser = user("it-" + Fixtures.unique(), other, "SUPPORT_AGENT");
        Credential otherKey = apiKey(other, "SERVICE");
        Credential unboundUser = user("it-" + Fixtures.unique(), null, "PRIVACY_OFFICER");
        Credential unboundKey = apiKey(null, "AUDITOR");
        for (Credential c : List.of(user, key, otherUser, otherKey, unboundUser, unboundKey)) {
            assertAuthenticates(c);
        }
        // The user's password is verified now and remembered for the next 60 s.
        long verifiedAt = System.nanoTime();

        assertThat(op.post("/api/v1/tenants/" + erased + "/licence/termination", "{\"acknowledgeErasure\":true}")
                .status()).isEqualTo(200);
        String erasure = awaitTenantErasure(erased);

        // Both fail at once: the remembered password did not outlive the row.
        Http.Response refused = user.me();
        assertThat(Duration.ofNanos(System.nanoTime() - verifiedAt)).as("still within the remembered window")
                .isLessThan(REMEMBERED);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(key.me().status()).isEqualTo(401);
        assertThat(rows("platform_user", user.id())).isZero();
        assertThat(rows("platform_api_key", key.id())).isZero();
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_user WHERE tenant_id = ?", erased))
                .isZero();
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_api_key WHERE tenant_id = ?",
                erased)).isZero();

        // The tenant's certificate counts them, and still verifies.
        Http.Response certificate = op.get("/api/v1/erasures/" + erasure + "/certificate");
        assertThat(certificate.status()).isEqualTo(200);
        assertThat(entries(certificate.json())).contains("platform/tenant-users=1", "platform/tenant-api-keys=1");
        assertThat(op.post("/api/v1/erasures/certificates/verification", certificate.body()).json()
                .getBoolean("valid")).isTrue();

        // Everyone else still works: another tenant's user and key, unbound ones, the admin.
        for (Credential c : List.of(otherUser, otherKey, unboundUser, unboundKey)) {
            assertAuthenticates(c);
        }
        assertThat(server.admin().get("/api/v1/me").status()).isEqualTo(200);

        // Nothing new can be bound to the erased tenant, so nothing outlives its erasure.
        ProblemAssert.problem(server.admin().post("/api/v1/users", "{\"username\":\"late-" + Fixtures.unique()
                + "\",\"password\":\"late-password-1\",\"roles\":[\"SUPPORT_AGENT\"],\"tenantId\":\"" + erased
                + "\"}"), 422, "business-rule", "tenantId");
        ProblemAssert.problem(server.admin().post("/api/v1/api-keys", "{\"name\":\"late\",\"roles\":[\"SERVICE\"],"
                + "\"tenantId\":\"" + erased + "\"}"), 422, "business-rule", "tenantId");
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_user WHERE tenant_id = ?", erased))
                .isZero();
    }

    @Test
    void anExpiredTenantsErasureLeavesOtherTenantsAndUnboundCredentialsAlone() throws Exception {
        String expiring = Fixtures.tenant(op, "CLOUD");
        String other = Fixtures.tenant(op, "CLOUD");
        String name = "john.roe-" + Fixtures.unique() + "@example.com";
        Credential user = user(name, expiring, "SUPPORT_AGENT");
        Credential otherUser = user("it-" + Fixtures.unique(), other, "SUPPORT_AGENT");
        Credential otherService = user("it-" + Fixtures.unique(), other, "SERVICE");
        Credential otherKey = apiKey(other, "SERVICE");
        Credential unboundUser = user("it-" + Fixtures.unique(), null, "AUDITOR");
        for (Credential c : List.of(user, otherUser, otherService, otherKey, unboundUser)) {
            assertAuthenticates(c);
        }
        long usersBefore = Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_user");
        long keysBefore = Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_api_key");
        // Wrong passwords delay the name from this address (429)...
        Http wrong = server.anonymous().basic(name, "not-the-password-1");
        for (int i = 0; i < 3; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(wrong.get("/api/v1/me").status()).isEqualTo(429);

        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assertThat(op.put("/api/v1/tenants/" + expiring + "/licence", "{\"key\":\"SEN-X" + Fixtures.unique()
                + "\",\"expiresOn\":\"" + yesterday + "\"}").status()).isEqualTo(200);
        String erasure = awaitTenantErasure(expiring);

        // Exactly the expiring tenant's one user went; the other tenant's users and key, and unbound ones, stayed.
        assertThat(rows("platform_user", user.id())).isZero();
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_user")).isEqualTo(usersBefore - 1);
        assertThat(Dumps.count(server.database(), "SELECT COUNT(*) FROM platform_api_key")).isEqualTo(keysBefore);
        for (Credential c : List.of(otherUser, otherService, otherKey, unboundUser)) {
            assertThat(rows(c.id().equals(otherKey.id()) ? "platform_api_key" : "platform_user", c.id())).isOne();
            assertAuthenticates(c);
        }
        assertThat(server.admin().get("/api/v1/me").status()).isEqualTo(200);
        List<String> entries = entries(op.get("/api/v1/erasures/" + erasure + "/certificate").json());
        assertThat(entries).contains("platform/tenant-users=1");
        assertThat(entries).noneMatch(e -> e.startsWith("platform/tenant-api-keys"));

        // ...but the erased user's name is forgotten with it: no longer blocked, and free for a new user.
        assertThat(user.me().status()).isEqualTo(401);
        Credential reused = user(name, null, "AUDITOR");
        assertAuthenticates(reused);
    }

    private static Credential user(String username, String tenantId, String role) {
        Http.Response r = server.admin().post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\""
                + StewardServer.USER_PASSWORD + "\",\"roles\":[\"" + role + "\"]"
                + (tenantId == null ? "" : ",\"tenantId\":\"" + tenantId + "\"") + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Credential(r.json().getString("id"), tenantId,
                server.anonymous().basic(username, StewardServer.USER_PASSWORD));
    }

    private static Credential apiKey(String tenantId, String role) {
        Http.Response r = server.admin().post("/api/v1/api-keys", "{\"name\":\"it-key-" + Fixtures.unique()
                + "\",\"roles\":[\"" + role + "\"]" + (tenantId == null ? "" : ",\"tenantId\":\"" + tenantId + "\"")
                + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Credential(r.json().getString("id"), tenantId, server.anonymous().apiKey(r.json().getString("key")));
    }

    private static void assertAuthenticates(Credential c) {
        Http.Response me = c.me();
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("id")).isEqualTo(c.id());
        assertThat(me.json().getString("tenantId", null)).isEqualTo(c.tenantId());
    }

    /** Waits for the tenant's erasure (queued by its licence's end) to be DONE, polling the API; returns its id. */
    private static String awaitTenantErasure(String tenantId) {
        AtomicReference<String> id = new AtomicReference<>();
        Dumps.await("the tenant's erasure to be queued", Duration.ofSeconds(30),
                () -> {
                    id.set(tenantErasureId(tenantId));
                    return id.get() != null;
                });
        Dumps.await("the tenant's erasure " + id.get(), Duration.ofSeconds(60),
                () -> "DONE".equals(op.get("/api/v1/erasures/" + id.get()).json().getString("status")));
        return id.get();
    }

    private static String tenantErasureId(String tenantId) {
        try (Connection c = server.database().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM retention_erasure WHERE scope = 'TENANT' AND tenant_id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rows(String table, String id) {
        return Dumps.count(server.database(), "SELECT COUNT(*) FROM " + table + " WHERE id = ?", id);
    }

    /** The certificate's entries as {@code module/category=count}. */
    private static List<String> entries(JsonObject certificate) {
        return certificate.getJsonArray("erased").stream().map(v -> v.asJsonObject())
                .map(e -> e.getString("module") + "/" + e.getString("category") + "=" + e.getJsonNumber("count")
                        .longValue())
                .toList();
    }
}
