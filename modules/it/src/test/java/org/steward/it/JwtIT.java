package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.assertNoStackTrace;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.RawHttp;
import org.steward.it.support.StewardServer;
import org.steward.it.support.Tokens;

/**
 * Authentication end to end on the shared server: bearer tokens from the test IdP ({@link Tokens}, whose keys the
 * server reads from its JWKS: RS256 and ES256, and a rotation), Basic with the login throttle, API keys, user
 * management, and what never reaches the server log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JwtIT {

    private static final String TENANTS = "/api/v1/tenants";
    private static final String ME = "/api/v1/me";
    private static final String USERS = "/api/v1/users";
    private static final String KEYS = "/api/v1/api-keys";
    private static final String TOO_MANY = "urn:steward:problem:too-many-requests";

    /** Every password, key and token this class sends: none may appear in the server log. */
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private final StewardServer server = StewardServer.shared();
    private final Http admin = server.admin();
    private final Http anonymous = server.anonymous();

    private Http bearer(String token) {
        SECRETS.add(token);
        return anonymous.authorization("Bearer " + token);
    }

    // ---------------------------------------------------------------- valid tokens

    @Test
    void aValidTokenWithPrivacyOfficerReadsTenantsAndMeShowsATokenCaller() {
        String sub = "po-" + Fixtures.unique();
        Http po = bearer(Tokens.sign(Tokens.claims(sub, "PRIVACY_OFFICER", "offline_access").build()));

        Http.Response tenants = po.get(TENANTS);
        assertThat(tenants.status()).as(tenants.toString()).isEqualTo(200);

        Http.Response me = po.get(ME);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        JsonObject body = me.json();
        assertThat(body.getString("kind")).isEqualTo("TOKEN");
        assertThat(body.getString("id")).isEqualTo("token:" + sub);
        assertThat(body.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("PRIVACY_OFFICER");
    }

    @Test
    void aTokenWithOnlyAuditorCannotRegisterATenant() {
        Http auditor = bearer(Tokens.sign(Tokens.claims("aud-" + Fixtures.unique(), "AUDITOR").build()));

        assertThat(auditor.get(TENANTS).status()).isEqualTo(200);
        problem(auditor.post(TENANTS, Fixtures.tenantJson("CLOUD", "2099-12-31")), 403, "forbidden");
    }

    // ---------------------------------------------------------------- refused tokens

    @Test
    void anExpiredTokenIsA401ProblemThatSaysSo() {
        long now = Instant.now().getEpochSecond();
        String token = Tokens.sign(Tokens.claims("exp-" + Fixtures.unique(), "PRIVACY_OFFICER")
                .add("iat", now - 900).add("nbf", now - 900).add("exp", now - 600).build());

        Http.Response r = bearer(token).get(TENANTS);

        JsonObject p = unauthorized(r);
        assertThat(p.getString("detail")).contains("expired").doesNotContain(token);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        String token = Tokens.sign(Tokens.claims("iss-" + Fixtures.unique(), "ADMIN")
                .add("iss", "https://evil.example.test/realms/steward").build());
        assertThat(unauthorized(bearer(token).get(TENANTS)).getString("detail")).contains("issuer");
    }

    @Test
    void algNoneIs401() {
        String header = Tokens.b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String token = header + "." + Tokens.b64(Tokens.claims("none-" + Fixtures.unique(), "ADMIN").build()
                .toString()) + ".";
        unauthorized(bearer(token).get(TENANTS));
    }

    @Test
    void hs256SignedWithThePublicKeyIs401() throws Exception {
        String input = Tokens.b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
                + Tokens.b64(Tokens.claims("hs-" + Fixtures.unique(), "ADMIN").build().toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Tokens.keys().getPublic().getEncoded(), "HmacSHA256"));
        String token = input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));

        unauthorized(bearer(token).get(TENANTS));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair other = g.generateKeyPair();
        String token = Tokens.sign(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build(),
                Tokens.claims("other-" + Fixtures.unique(), "ADMIN").build(), other.getPrivate());

        assertThat(unauthorized(bearer(token).get(TENANTS)).getString("detail")).contains("signature");
    }

    @Test
    void aTamperedTokenIs401() {
        String[] parts = Tokens.sign(Tokens.claims("t-" + Fixtures.unique(), "AUDITOR").build()).split("\\.");
        String forged = parts[0] + "." + Tokens.b64(Tokens.claims("t", "ADMIN").build().toString()) + "." + parts[2];
        unauthorized(bearer(forged).get(USERS));
    }

    @Test
    void aServiceTokenWithoutATenantIs401() {
        unauthorized(bearer(Tokens.sign(Tokens.claims("svc-" + Fixtures.unique(), "SERVICE").build())).get(ME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "Bearer ", "Bearer a.b.c", "Negotiate xyz", "Digest username=\"x\"",
            "Basic !!!", "Basic " + "bm9jb2xvbg==", "Token abc"})
    void garbageAuthorizationHeadersAre401(String value) {
        Http.Response r = anonymous.authorization(value).get(TENANTS);
        unauthorized(r);
    }

    @Test
    void aBogusApiKeyIs401() {
        unauthorized(anonymous.apiKey("stw_not-a-key").get(TENANTS));
        String wellFormed = "stw_" + "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" + "_" + "A".repeat(43);
        unauthorized(anonymous.apiKey(wellFormed).get(TENANTS));
    }

    @Test
    void noCredentialsOnAProtectedEndpointIs401WithAChallenge() {
        for (String path : new String[] {TENANTS, ME, USERS, KEYS}) {
            Http.Response r = anonymous.get(path);
            assertThat(r.status()).as(path + ": " + r).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).as(path).contains("Bearer").contains("Basic");
            assertNoStackTrace(r);
        }
    }

    /**
     * Public endpoints answer without credentials. With credentials that are wrong, the answer is 401 like anywhere
     * else: the mechanism checks any credentials it is given, which tells a misconfigured client at once.
     */
    @Test
    void publicEndpointsAnswerWithoutCredentialsAndRefuseBadOnes() {
        for (String path : new String[] {"/health/ready", "/openapi"}) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
            Http.Response bad = anonymous.authorization("Bearer abc").get(path);
            assertThat(bad.status()).as(path + ": " + bad).isEqualTo(401);
            assertThat(bad.header("WWW-Authenticate")).as(path).isNotBlank();
            Http.Response good = bearer(Tokens.sign(Tokens.claims("pub-" + Fixtures.unique(), "AUDITOR").build()))
                    .get(path);
            assertThat(good.status()).as(path + ": " + good).isEqualTo(200);
        }
    }

    // ---------------------------------------------------------------- keys from the IdP's JWKS: ES256, rotation

    @Test
    void anEs256TokenSignedWithAKeyFromTheJwksIsAccepted() throws Exception {
        String sub = "es-" + Fixtures.unique();
        Http.Response me = bearer(Tokens.signEs256(Tokens.EC_KID, Tokens.claims(sub, "AUDITOR").build(),
                Tokens.ecKeys().getPrivate())).get(ME);

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("id")).isEqualTo("token:" + sub);
        assertThat(me.json().getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("AUDITOR");
        String forged = Tokens.signEs256(Tokens.EC_KID, Tokens.claims("es-" + Fixtures.unique(), "ADMIN").build(),
                ecKeyPair().getPrivate());
        assertThat(unauthorized(bearer(forged).get(ME)).getString("detail")).contains("signature");
    }

    @Test
    void whenTheIdpRotatesItsKeysANewKidIsAcceptedAndARetiredKeyIsRefused() throws Exception {
        String retiring = "rot-" + Fixtures.unique();
        String introduced = "rot-" + Fixtures.unique();
        KeyPair before = Tokens.publishEcKey(retiring);
        String oldToken = Tokens.signEs256(retiring, Tokens.claims("rot-" + Fixtures.unique(), "AUDITOR").build(),
                before.getPrivate());
        awaitAccepted(oldToken);

        KeyPair after = Tokens.publishEcKey(introduced);
        Tokens.retire(retiring);
        String newToken = Tokens.signEs256(introduced, Tokens.claims("rot-" + Fixtures.unique(), "AUDITOR").build(),
                after.getPrivate());

        awaitAccepted(newToken); // the server read the JWKS again for the kid it did not know
        JsonObject refused = unauthorized(bearer(oldToken).get(ME));
        assertThat(refused.getString("detail")).containsAnyOf("key id", "signature");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aFloodOfTokensNamingUnknownKeysBarelyReadsTheJwks() throws Exception {
        assertThat(bearer(Tokens.sign(Tokens.claims("flood-" + Fixtures.unique(), "AUDITOR").build())).get(ME)
                .status()).isEqualTo(200);
        KeyPair stranger = ecKeyPair();
        int before = Tokens.jwksReads();

        for (int i = 0; i < 30; i++) {
            unauthorized(bearer(Tokens.signEs256(java.util.UUID.randomUUID().toString(),
                    Tokens.claims("flood-" + Fixtures.unique(), "ADMIN").build(), stranger.getPrivate())).get(ME));
        }

        // two early reads per 30 s at most, and perhaps the ten-minute expiry read falling in the same seconds
        assertThat(Tokens.jwksReads() - before).isLessThanOrEqualTo(3);
    }

    /** Early reads of the JWKS are rate-limited (two per 30 s): a new key may take that long to be picked up. */
    private void awaitAccepted(String token) throws InterruptedException {
        Http client = bearer(token);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(45).toNanos();
        Http.Response r = client.get(ME);
        while (r.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            r = client.get(ME);
        }
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    // ---------------------------------------------------------------- Basic and the throttle

    @Test
    void wrongPasswordsSlowDownOneAddressWithAGrowingDelayNotALock() throws Exception {
        String username = "throttled-" + Fixtures.unique();
        String password = "the-right-password-" + Fixtures.unique();
        createUser(username, password, "AUDITOR");
        Http wrong = basic(username, "wrong-password-" + Fixtures.unique());

        Http.Response r = wrong.get(ME);
        int refused = 0;
        while (r.status() == 401 && refused < 10) {
            refused++;
            r = wrong.get(ME);
        }
        assertThat(refused).as("free wrong passwords before the first delay").isBetween(3, 5);
        assertThat(r.status()).as(r.toString()).isEqualTo(429);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().getString("type")).isEqualTo(TOO_MANY);
        long wait = Long.parseLong(r.header("Retry-After"));
        assertThat(wait).isPositive().isLessThanOrEqualTo(4);
        assertNoStackTrace(r);
        // the delay applies to this account from this address, right password included...
        assertThat(basic(username, password).get(ME).status()).isIn(200, 429);
        // ...and it ends: a growing delay, not a lock
        Thread.sleep(wait * 1000 + 300);
        assertThat(basic(username, password).get(ME).status()).isEqualTo(200);
        assertThat(admin.get(ME).status()).isEqualTo(200);
    }

    @Test
    void anAttackerAtAnotherAddressDoesNotLockTheAdminOut() {
        RawHttp.URIish target = RawHttp.URIish.of(server);
        String wrongAdmin = "GET " + ME + " HTTP/1.1\r\nAuthorization: Basic " + java.util.Base64.getEncoder()
                .encodeToString(("admin:wrong-" + Fixtures.unique()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(admin.get(ME).status()).isEqualTo(200); // 127.0.0.1 is the admin's known-good address
        int last = 0;
        for (int i = 0; i < 8 && last != 429; i++) {
            // 127.0.0.2 is another client to the server: the loopback network is all of 127/8
            last = RawHttp.send(target, "127.0.0.2", wrongAdmin, null).status();
        }
        assertThat(last).as("the attacker's address is slowed").isEqualTo(429);
        assertThat(admin.get(ME).status()).as("the admin at the usual address").isEqualTo(200);
    }

    // ---------------------------------------------------------------- bad bytes in Basic credentials

    @Test
    void aNulInTheBasicUsernameIs401() {
        unauthorized(basic("ad\u0000min", "whatever-password").get(ME));
        unauthorized(basic("\u0000", "whatever-password").get(ME));
        unauthorized(basic("it-\u0001x", "whatever-password").get(ME));
    }

    @Test
    void aPasswordWithATrailingNulDoesNotLogIn() {
        String username = "nul-" + Fixtures.unique();
        String password = "the-right-password-" + Fixtures.unique();
        assertThat(createUser(username, password, "AUDITOR").status()).isEqualTo(201);
        unauthorized(basic(username, password + "\u0000").get(ME));
        unauthorized(basic(username, password + "\u0000\u0000").get(ME));
        assertThat(basic(username, password).get(ME).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- API keys

    @Test
    void anIssuedApiKeyWorksUntilItIsRevoked() {
        Http.Response issued = admin.post(KEYS, "{\"name\":\"jwt-it\",\"roles\":[\"PRIVACY_OFFICER\"]}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String id = issued.json().getString("id");
        String key = issued.json().getString("key");
        SECRETS.add(key);
        assertThat(key).startsWith("stw_" + id + "_");
        Http client = anonymous.apiKey(key);

        assertThat(client.get(TENANTS).status()).isEqualTo(200);
        JsonObject me = client.get(ME).json();
        assertThat(me.getString("kind")).isEqualTo("API_KEY");
        assertThat(me.getString("id")).isEqualTo(id);

        Http.Response revoked = admin.post(KEYS + "/" + id + "/revocation", null);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().getString("revokedAt", null)).isNotBlank();
        assertThat(revoked.body()).doesNotContain(key.substring("stw_".length() + 37));

        unauthorized(client.get(TENANTS));
        // a key whose secret is wrong is refused as well
        unauthorized(anonymous.apiKey(key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A"))
                .get(TENANTS));
    }

    @Test
    void anApiKeyThatWouldAlreadyHaveExpiredIsRefusedAtIssue() {
        String past = OffsetDateTime.now().minusMinutes(5).toString();
        Http.Response r = admin.post(KEYS, "{\"name\":\"expired\",\"roles\":[\"AUDITOR\"],\"expiresAt\":\"" + past
                + "\"}");
        problem(r, 400, "validation", "expiresAt");
    }

    @Test
    void thePlaintextKeyIsNeverReadBack() {
        Http.Response issued = admin.post(KEYS, "{\"name\":\"read-back\",\"roles\":[\"AUDITOR\"]}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String id = issued.json().getString("id");
        String key = issued.json().getString("key");
        SECRETS.add(key);
        String secret = key.substring("stw_".length() + 37);

        Http.Response one = admin.get(KEYS + "/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(!one.json().containsKey("key") || one.json().isNull("key")).as(one.toString()).isTrue();
        assertThat(one.body()).doesNotContain(secret);

        boolean found = false;
        String cursor = null;
        do {
            Http.Response page = admin.get(KEYS + "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.body()).doesNotContain(secret);
            for (var item : page.json().getJsonArray("items")) {
                JsonObject k = item.asJsonObject();
                assertThat(!k.containsKey("key") || k.isNull("key")).as(k.toString()).isTrue();
                found |= id.equals(k.getString("id"));
            }
            cursor = page.json().getString("nextCursor", null);
        } while (cursor != null);
        assertThat(found).isTrue();
    }

    // ---------------------------------------------------------------- users

    @Test
    void anAdminCreatesAUserWhoCanLogIn() {
        String username = "user-" + Fixtures.unique();
        String password = "a-long-password-" + Fixtures.unique();

        Http.Response r = createUser(username, password, "SUPPORT_AGENT");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonObject user = r.json();
        assertThat(r.header("Location")).endsWith(USERS + "/" + user.getString("id"));
        assertThat(user.getString("username")).isEqualTo(username);
        assertThat(user.getBoolean("enabled")).isTrue();
        assertThat(r.body()).doesNotContain(password).doesNotContainIgnoringCase("hash");
        JsonObject me = basic(username, password).get(ME).json();
        assertThat(me.getString("kind")).isEqualTo("USER");
        assertThat(me.getString("id")).isEqualTo(user.getString("id"));
    }

    @Test
    void aDuplicateUsernameIs409() {
        String username = "dup-" + Fixtures.unique();
        assertThat(createUser(username, "first-password-" + Fixtures.unique(), "AUDITOR").status()).isEqualTo(201);
        problem(createUser(username, "second-password-" + Fixtures.unique(), "AUDITOR"), 409, "conflict",
                "username");
    }

    @Test
    void aPasswordShorterThan12Is400() {
        problem(createUser("short-" + Fixtures.unique(), "elevenchars", "AUDITOR"), 400, "validation", "password");
    }

    @Test
    void anUnknownRoleIs400OnThatRole() {
        problem(createUser("role-" + Fixtures.unique(), "a-long-password-1", "SUPERUSER"), 400, "validation",
                "roles[0]");
    }

    @Test
    void serviceWithoutATenantIs400() {
        problem(createUser("svc-" + Fixtures.unique(), "a-long-password-1", "SERVICE"), 400, "validation",
                "tenantId");
    }

    @Test
    void anAdminBoundToATenantIs400() {
        String tenant = Fixtures.tenant(server.http(), "CLOUD");
        Http.Response r = admin.post(USERS, "{\"username\":\"adm-" + Fixtures.unique()
                + "\",\"password\":\"a-long-password-1\",\"roles\":[\"ADMIN\"],\"tenantId\":\"" + tenant + "\"}");
        JsonObject p = problem(r, 400, "validation", "tenantId");
        assertThat(p.toString()).contains("ADMIN");
    }

    @Test
    void aDisabledUserIs401AndAnEnabledOneAgainGetsIn() {
        String username = "disabled-" + Fixtures.unique();
        String password = "a-long-password-" + Fixtures.unique();
        String id = createUser(username, password, "AUDITOR").json().getString("id");
        Http user = basic(username, password);
        assertThat(user.get(ME).status()).isEqualTo(200); // and remembered by the server for a while

        Http.Response disabled = admin.patch(USERS + "/" + id, "{\"enabled\":false}");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().getBoolean("enabled")).isFalse();

        unauthorized(user.get(ME));

        assertThat(admin.patch(USERS + "/" + id, "{\"enabled\":true}").status()).isEqualTo(200);
        assertThat(user.get(ME).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- the log

    @Test
    @Order(Integer.MAX_VALUE)
    void theServerLogHoldsNoPasswordKeyOrToken() throws Exception {
        // Runs last in this class, so that every secret above has been sent.
        SECRETS.add(StewardServer.ADMIN_PASSWORD);
        SECRETS.add(StewardServer.USER_PASSWORD);
        Thread.sleep(500);
        String log = Files.readString(server.log(), StandardCharsets.UTF_8);
        assertThat(SECRETS).isNotEmpty();
        for (String secret : SECRETS) {
            assertThat(log).as("the server log").doesNotContain(secret);
            if (secret.startsWith("stw_")) {
                assertThat(log).doesNotContain(secret.substring("stw_".length() + 37));
            }
            if (secret.chars().filter(c -> c == '.').count() == 2) {
                assertThat(log).doesNotContain(secret.split("\\.")[1]); // the claims of a token
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Http basic(String username, String password) {
        SECRETS.add(password);
        return anonymous.basic(username, password);
    }

    private Http.Response createUser(String username, String password, String role) {
        SECRETS.add(password);
        return admin.post(USERS, "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"roles\":[\"" + role + "\"]}");
    }

    /** A 401 problem from the authentication mechanism: challenge, problem body, no stack trace. */
    private static JsonObject unauthorized(Http.Response r) {
        JsonObject p = problem(r, 401, "unauthorized");
        assertThat(r.header("WWW-Authenticate")).as("challenge of %s", r).contains("Bearer realm=\"steward\"");
        return p;
    }
}
