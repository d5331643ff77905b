package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.AtlassianStandIn;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.Mailbox;
import org.steward.it.support.StewardServer;
import org.steward.it.support.TestingClock;

/**
 * Atlassian's personal data reporting end to end, on the server with the testing clock: a stand-in for Atlassian's
 * API (started here, strict about the contract: at most 90 accounts, no {@code unknown}, a valid bearer token or a
 * Connect JWT whose qsh it checks itself) answers batches; Steward erases closed accounts, marks updated ones stale,
 * follows 204, 429 with Retry-After, 5xx, and the Cycle-Period header in its undocumented forms.
 */
class AtlassianReportingIT {

    private static StewardServer server;
    private static Http op;
    private static TestingClock clock;

    private static final Map<AtlassianStandIn, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<AtlassianStandIn> standIns = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = StewardServer.clocked();
        op = server.http();
        clock = new TestingClock(server);
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        standIns.forEach(s -> {
            s.close();
            TOKENS.remove(s);
        });
        standIns.clear();
    }

    @Test
    void twoHundredAccountsGoInBatchesOfAtMostNinetyEachOnceWithTheirOldestRetrieval() {
        AtlassianStandIn atlassian = standIn("token-" + Fixtures.unique());
        String tenant = Fixtures.tenant(op, "CLOUD");
        List<String> accounts = accounts(op, tenant, 200);
        String withRecord = subjectOf(tenant, accounts.get(0));
        // A record obtained long ago: its subject's account is reported with that oldest retrieval.
        assertThat(op.post("/api/v1/tenants/" + tenant + "/subjects/" + withRecord + "/sync-profiles",
                "{\"name\":\"Sync\",\"obtainedAt\":\"2024-03-01T10:15:30.250Z\"}").status()).isEqualTo(201);
        Fixtures.subject(op, tenant); // an email-only subject has no account to report
        problem(op.post("/api/v1/tenants/" + tenant + "/subjects", "{\"accountId\":\"unknown\"}"), 400, "validation",
                "accountId");
        problem(op.patch("/api/v1/tenants/" + tenant + "/subjects/" + withRecord, "{\"accountId\":\"Unknown\"}"), 400,
                "validation", "accountId");

        configureOAuth(tenant, atlassian);
        JsonObject status = awaitCycleEnd(tenant);

        assertThat(atlassian.violations()).isEmpty();
        assertThat(atlassian.received()).allMatch(AtlassianStandIn.Batch::authValid);
        assertThat(atlassian.received()).extracting(b -> b.accounts().size()).containsExactly(90, 90, 20);
        assertThat(atlassian.acceptedCounts()).hasSize(200).containsOnlyKeys(accounts)
                .allSatisfy((account, n) -> assertThat(n).as(account).isEqualTo(1));
        assertThat(atlassian.received().stream().flatMap(b -> b.accounts().stream())
                .filter(a -> a.accountId().equals(accounts.get(0))).findFirst().orElseThrow().updatedAt())
                .isEqualTo("2024-03-01T10:15:30.250Z");
        assertThat(status.getInt("accountsReported")).isEqualTo(200);
        assertThat(status.getInt("batchesSent")).isEqualTo(3);
        assertThat(status.getBoolean("cycleInProgress")).isFalse();
        assertThat(status.getString("cycle")).isEqualTo("P7D");
        assertThat(Instant.parse(status.getString("nextCycleAt")))
                .isAfter(Instant.parse(status.getString("lastCycleEndedAt")).plus(Duration.ofDays(7)).minusSeconds(1));

        // Within the cycle nothing is reported again, however often the reporter runs.
        sleep(3000);
        assertThat(atlassian.received()).hasSize(3);
    }

    @Test
    void closedAccountsAreErasedWithACertificateAndUpdatedOnesAreMarkedStaleOrErased() {
        AtlassianStandIn atlassian = standIn("token-" + Fixtures.unique());
        String tenant = Fixtures.tenant(op, "CLOUD");
        List<String> accounts = accounts(op, tenant, 3);
        String closed = subjectOf(tenant, accounts.get(0));
        String updated = subjectOf(tenant, accounts.get(1));
        atlassian.closed(accounts.get(0));
        atlassian.updated(accounts.get(1));
        configureOAuth(tenant, atlassian);
        JsonObject status = awaitCycleEnd(tenant);
        assertThat(status.getInt("accountsClosed")).isEqualTo(1);
        assertThat(status.getInt("accountsUpdated")).isEqualTo(1);

        // closed: erased through retention, with its own trigger and the usual signed certificate
        await(() -> op.get("/api/v1/tenants/" + tenant + "/subjects/" + closed).status(), s -> s == 404);
        JsonObject erasure = erasureOf(closed);
        assertThat(erasure.getString("trigger")).isEqualTo("ATLASSIAN_ACCOUNT_CLOSED");
        assertThat(erasure.getString("status")).isEqualTo("DONE");
        Http.Response certificate = op.get("/api/v1/erasures/" + erasure.getString("id") + "/certificate");
        assertThat(certificate.status()).isEqualTo(200);
        assertThat(op.post("/api/v1/erasures/certificates/verification", certificate.body()).json()
                .getBoolean("valid")).isTrue();
        assertThat(op.get("/api/v1/tenants/" + tenant + "/subjects?accountId=" + accounts.get(0)).json()
                .getJsonArray("items")).isEmpty();

        // updated: marked stale, kept until the client app fetches the profile again
        JsonObject stale = op.get("/api/v1/tenants/" + tenant + "/subjects/" + updated).json();
        assertThat(stale.getString("profileStaleSince", null)).isNotNull();
        assertThat(stale.getString("email")).isNotBlank();
        assertThat(op.get("/api/v1/tenants/" + tenant + "/subjects?stale=true").json().getJsonArray("items"))
                .extracting(v -> v.asJsonObject().getString("id")).containsExactly(updated);
        JsonObject refetched = op.patch("/api/v1/tenants/" + tenant + "/subjects/" + updated,
                "{\"displayName\":\"Refetched Name\"}").json();
        assertThat(refetched.containsKey("profileStaleSince")).isFalse();
        assertThat(op.get("/api/v1/tenants/" + tenant + "/subjects?stale=true").json().getJsonArray("items"))
                .isEmpty();
        problem(op.get("/api/v1/tenants/" + tenant + "/subjects?stale=maybe"), 400, "validation", "stale");

        // The subject's access export says when its account was reported, and what Atlassian answered.
        String contact = "export-" + Fixtures.unique() + "@example.com";
        Http.Response filed = op.post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":\"GDPR\","
                + "\"subject\":{\"subjectId\":\"" + updated + "\",\"tenantId\":\"" + tenant + "\"},\"contactEmail\":\""
                + contact + "\",\"channel\":\"EMAIL\",\"identityCheck\":\"Signed in to the app\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(202);
        assertThat(op.post("/api/v1/requests/" + filed.json().getString("id") + "/approval", "").status())
                .isEqualTo(200);
        String link = Mailbox.linkIn(Mailbox.awaitSubject(contact, "Your data is ready to download"));
        String csv = exportEntry(link, "atlassian/reported-to-atlassian.csv");
        assertThat(csv).contains("reportedAt").contains("UPDATED");

        // a tenant that erases stale fields at once keeps only the accountId
        AtlassianStandIn other = standIn("token-" + Fixtures.unique());
        String eraser = Fixtures.tenant(op, "CLOUD");
        String account = accounts(op, eraser, 1).get(0);
        other.updated(account);
        assertThat(op.put(reporting(eraser), "{\"mode\":\"OAUTH\",\"baseUrl\":\"" + other.baseUrl()
                + "\",\"accessToken\":\"" + TOKENS.get(other) + "\",\"onUpdated\":\"ERASE_STALE_FIELDS\"}").status())
                .isEqualTo(200);
        awaitCycleEnd(eraser);
        JsonObject erased = op.get("/api/v1/tenants/" + eraser + "/subjects/" + subjectOf(eraser, account)).json();
        assertThat(erased.getString("accountId")).isEqualTo(account);
        assertThat(erased.containsKey("email")).isFalse();
        assertThat(erased.containsKey("displayName")).isFalse();
        assertThat(erased.getString("profileStaleSince", null)).isNotNull();
    }

    @Test
    void aRateLimitIsWaitedOutAndAServerErrorRetriedWithoutADuplicate() {
        AtlassianStandIn atlassian = standIn("token-" + Fixtures.unique());
        atlassian.script(AtlassianStandIn.Reply.status(429).header("Retry-After", "2"),
                AtlassianStandIn.Reply.status(500).json("{\"errorType\":\"internal\",\"errorMessage\":\"try later\"}"));
        String tenant = Fixtures.tenant(op, "CLOUD");
        List<String> accounts = accounts(op, tenant, 5);
        configureOAuth(tenant, atlassian);
        JsonObject status = awaitCycleEnd(tenant);

        List<AtlassianStandIn.Batch> sent = atlassian.received();
        assertThat(sent).extracting(AtlassianStandIn.Batch::status).containsExactly(429, 500, 204);
        assertThat(Duration.between(sent.get(0).at(), sent.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(sent).allSatisfy(b -> assertThat(b.accounts()).extracting(AtlassianStandIn.Account::accountId)
                .containsExactlyInAnyOrderElementsOf(accounts));
        assertThat(atlassian.acceptedCounts().values()).containsOnly(1);
        assertThat(status.getString("lastError")).isEqualTo("500: internal: try later");
        assertThat(status.getInt("consecutiveFailures")).isZero();
        assertThat(status.containsKey("backoffUntil")).isFalse();
        assertThat(atlassian.violations()).isEmpty();
    }

    @Test
    void theCyclePeriodHeaderIsFollowedInEachOfItsForms() {
        String iso = cycleTenant("P14D");
        String words = cycleTenant("14 Days");
        String seconds = cycleTenant("1209600");
        String odd = cycleTenant("a fortnight");
        for (String t : List.of(iso, words, seconds)) {
            assertThat(awaitCycleEnd(t).getString("cycle")).isEqualTo("P14D");
        }
        assertThat(awaitCycleEnd(odd).getString("cycle")).isEqualTo("P7D");

        clock.advance("P13D");
        sleep(3000);
        for (AtlassianStandIn s : standIns.subList(0, 3)) {
            assertThat(s.received()).as("nothing again before 14 days").hasSize(1);
        }
        assertThat(standIns.get(3).received()).as("7 days: the header was not understood").hasSize(2);

        clock.advance("PT24H15M");
        for (AtlassianStandIn s : standIns.subList(0, 3)) {
            await(() -> s.accepted().size(), n -> n == 2);
        }
        assertThat(standIns).allSatisfy(s -> assertThat(s.violations()).isEmpty());
    }

    @Test
    void connectAppsSignEachReportWithAJwtWhoseQshTheStandInChecks() {
        AtlassianStandIn atlassian = new AtlassianStandIn();
        standIns.add(atlassian);
        String appKey = "com.osci.app-" + Fixtures.unique();
        byte[] secret = ("shared-" + Fixtures.unique()).getBytes(StandardCharsets.UTF_8);
        atlassian.expectConnect(appKey, secret);
        String tenant = Fixtures.tenant(op, "CLOUD");
        List<String> accounts = accounts(op, tenant, 2);
        problem(op.put(reporting(tenant), "{\"mode\":\"CONNECT\",\"baseUrl\":\"" + atlassian.baseUrl()
                + "\",\"sharedSecret\":\"x\"}"), 400, "validation", "appKey");
        assertThat(op.put(reporting(tenant), "{\"mode\":\"CONNECT\",\"baseUrl\":\"" + atlassian.baseUrl()
                + "\",\"appKey\":\"" + appKey + "\",\"sharedSecret\":\"" + new String(secret, StandardCharsets.UTF_8)
                + "\"}").status()).isEqualTo(200);
        awaitCycleEnd(tenant);
        assertThat(atlassian.received()).singleElement().satisfies(b -> {
            assertThat(b.mode()).isEqualTo("CONNECT");
            assertThat(b.authValid()).isTrue();
            assertThat(b.status()).isEqualTo(204);
        });
        assertThat(atlassian.acceptedCounts()).containsOnlyKeys(accounts);
        assertThat(atlassian.violations()).isEmpty();

        // a wrong shared secret is refused by the stand-in, and Steward backs off and says why
        AtlassianStandIn strict = new AtlassianStandIn();
        standIns.add(strict);
        strict.expectConnect(appKey, secret);
        String other = Fixtures.tenant(op, "CLOUD");
        accounts(op, other, 1);
        op.put(reporting(other), "{\"mode\":\"CONNECT\",\"baseUrl\":\"" + strict.baseUrl() + "\",\"appKey\":\""
                + appKey + "\",\"sharedSecret\":\"not-the-secret\"}");
        JsonObject failing = await(() -> op.get(reporting(other)).json(), s -> s.containsKey("lastError"));
        assertThat(failing.getString("lastError")).startsWith("401");
        assertThat(failing.getInt("consecutiveFailures")).isPositive();
        assertThat(failing.getBoolean("cycleInProgress")).isTrue();
        assertThat(strict.accepted()).isEmpty();
    }

    @Test
    void anOAuthClientBuysEachAccessTokenAndKeepsTheRotatedRefreshToken() {
        AtlassianStandIn atlassian = new AtlassianStandIn();
        standIns.add(atlassian);
        String secret = "client-secret-" + Fixtures.unique();
        atlassian.expectOAuthClient("steward-app", secret, "rt-initial");
        String tenant = Fixtures.tenant(op, "CLOUD");
        List<String> accounts = accounts(op, tenant, 3);
        String client = "\"mode\":\"OAUTH\",\"baseUrl\":\"" + atlassian.baseUrl() + "\",\"tokenUrl\":\""
                + atlassian.baseUrl() + AtlassianStandIn.TOKEN_PATH + "\",\"clientId\":\"steward-app\"";
        problem(op.put(reporting(tenant), "{" + client + ",\"clientSecret\":\"s\"}"), 400, "validation",
                "refreshToken");
        problem(op.put(reporting(tenant), "{" + client + ",\"clientSecret\":\"s\",\"refreshToken\":\"r\","
                + "\"accessToken\":\"a\"}"), 400, "validation", "accessToken");
        problem(op.put(reporting(tenant), "{\"mode\":\"CONNECT\",\"appKey\":\"k\",\"sharedSecret\":\"s\","
                + "\"clientId\":\"c\"}"), 400, "validation", "clientId");
        Http.Response set = op.put(reporting(tenant), "{" + client + ",\"clientSecret\":\"" + secret
                + "\",\"refreshToken\":\"rt-initial\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).doesNotContain(secret).doesNotContain("rt-initial");
        assertThat(set.json().getString("credential")).isEqualTo("OAUTH_CLIENT");
        assertThat(set.json().getString("clientId")).isEqualTo("steward-app");

        JsonObject first = awaitCycleEnd(tenant);
        assertThat(atlassian.tokenRequests()).hasSize(1);
        assertThat(atlassian.accepted()).singleElement().satisfies(b -> assertThat(b.authValid()).isTrue());
        assertThat(Instant.parse(first.getString("tokenExpiresAt"))).isAfter(Instant.parse(first.getString(
                "lastCycleEndedAt")).plus(Duration.ofMinutes(50)));

        // A week later the hour-long token has run out: a new one is bought with the rotated refresh token.
        clock.advance("P8D");
        await(() -> atlassian.accepted().size(), n -> n == 2);
        assertThat(atlassian.tokenRequests()).hasSize(2);
        assertThat(atlassian.acceptedCounts()).containsOnlyKeys(accounts)
                .allSatisfy((account, n) -> assertThat(n).as(account).isEqualTo(2));

        // A revoked grant: the refresh is refused, the status says so, and nothing is reported without a token.
        atlassian.revokeRefreshToken();
        clock.advance("P8D");
        JsonObject failing = await(() -> op.get(reporting(tenant)).json(), s -> s.getString("lastError", "")
                .startsWith("token refresh: 403"));
        assertThat(failing.getBoolean("cycleInProgress")).isTrue();
        assertThat(failing.getInt("consecutiveFailures")).isPositive();
        assertThat(atlassian.received()).hasSize(2);
        assertThat(atlassian.violations()).isEmpty();
    }

    @Test
    void theConfigurationRefusesDataCenterTenantsAndBadInputAndKeepsItsCredentialSecret() {
        String dc = Fixtures.tenant(op, "DATA_CENTER");
        problem(op.put(reporting(dc), "{\"mode\":\"OAUTH\",\"accessToken\":\"t\"}"), 422,
                "data-center-no-personal-data", "tenantId");
        String tenant = Fixtures.tenant(op, "CLOUD");
        problem(op.get(reporting(tenant)), 404, "not-found");
        problem(op.put(reporting(tenant), "{\"accessToken\":\"t\"}"), 400, "validation", "mode");
        problem(op.put(reporting(tenant), "{\"mode\":\"OAUTH\"}"), 400, "validation", "accessToken");
        problem(op.put(reporting(tenant), "{\"mode\":\"OAUTH\",\"accessToken\":\"t\",\"baseUrl\":\"ftp://x.example\"}"),
                400, "validation", "baseUrl");
        problem(op.put(reporting(tenant), "{\"mode\":\"OAUTH\",\"accessToken\":\"t\",\"sharedSecret\":\"s\"}"), 400,
                "validation", "sharedSecret");
        problem(op.put(reporting(tenant), "{\"mode\":\"OAUTH\",\"accessToken\":\"t\",\"onUpdated\":\"NUKE\"}"), 400,
                "validation", "onUpdated");
        problem(op.put("/api/v1/tenants/not-a-tenant/atlassian/reporting", "{\"mode\":\"OAUTH\",\"accessToken\":\"t\"}"),
                404, "not-found");

        Http.Response set = op.put(reporting(tenant), "{\"mode\":\"OAUTH\",\"accessToken\":\"secret-token-123\","
                + "\"enabled\":false}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).doesNotContain("secret-token-123");
        assertThat(set.json().getString("baseUrl")).isEqualTo("https://api.atlassian.com");
        assertThat(set.json().getString("credential")).isEqualTo("ACCESS_TOKEN");
        // the credential is kept when omitted, and required again when the mode changes
        assertThat(op.put(reporting(tenant), "{\"mode\":\"OAUTH\",\"enabled\":false}").status()).isEqualTo(200);
        problem(op.put(reporting(tenant), "{\"mode\":\"CONNECT\",\"appKey\":\"k\"}"), 400, "validation",
                "sharedSecret");
        assertThat(op.delete(reporting(tenant)).status()).isEqualTo(204);
        problem(op.get(reporting(tenant)), 404, "not-found");
    }

    // ------------------------------------------------------------------ helpers

    /** A stand-in with a bearer token of its own, closed after the test. */
    private AtlassianStandIn standIn(String token) {
        AtlassianStandIn s = new AtlassianStandIn();
        s.expectBearer(token);
        TOKENS.put(s, token);
        standIns.add(s);
        return s;
    }

    private String cycleTenant(String header) {
        AtlassianStandIn s = standIn("token-" + Fixtures.unique());
        s.cyclePeriod(header);
        String tenant = Fixtures.tenant(op, "CLOUD");
        accounts(op, tenant, 1);
        configureOAuth(tenant, s);
        return tenant;
    }

    private static void configureOAuth(String tenant, AtlassianStandIn s) {
        Http.Response r = op.put(reporting(tenant), "{\"mode\":\"OAUTH\",\"baseUrl\":\"" + s.baseUrl()
                + "\",\"accessToken\":\"" + TOKENS.get(s) + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static String reporting(String tenant) {
        return "/api/v1/tenants/" + tenant + "/atlassian/reporting";
    }

    /** Registers {@code n} subjects with accountIds and emails; returns the accountIds. */
    static List<String> accounts(Http http, String tenant, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String account = "712020:" + java.util.UUID.randomUUID();
            Http.Response r = http.post("/api/v1/tenants/" + tenant + "/subjects", "{\"accountId\":\"" + account
                    + "\",\"email\":\"a-" + Fixtures.unique() + "@example.com\",\"displayName\":\"Account " + i + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids.add(account);
        }
        return ids;
    }

    private static String subjectOf(String tenant, String accountId) {
        return op.get("/api/v1/tenants/" + tenant + "/subjects?accountId=" + accountId).json().getJsonArray("items")
                .getJsonObject(0).getString("id");
    }

    static JsonObject awaitCycleEnd(String tenant) {
        return awaitCycleEnd(op, tenant);
    }

    static JsonObject awaitCycleEnd(Http http, String tenant) {
        return await(() -> http.get(reporting(tenant)).json(), s -> s.containsKey("lastCycleEndedAt"));
    }

    private static JsonObject erasureOf(String subject) {
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            JsonObject p = op.get("/api/v1/erasures?status=DONE&limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonValue v : p.getJsonArray("items")) {
                if (subject.equals(v.asJsonObject().getString("subjectId", null))) {
                    return v.asJsonObject();
                }
            }
            cursor = p.getString("nextCursor", null);
            if (cursor == null) {
                break;
            }
        }
        throw new AssertionError("no erasure of subject " + subject);
    }

    /** One entry of the export behind a download link, as text. */
    private static String exportEntry(String link, String suffix) {
        try {
            java.net.http.HttpResponse<byte[]> zip = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest
                            .newBuilder(server.uri(link)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(zip.statusCode()).isEqualTo(200);
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                    new java.io.ByteArrayInputStream(zip.body()))) {
                for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    if (e.getName().endsWith(suffix)) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        throw new AssertionError("no export entry " + suffix);
    }

    static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 60 s; last seen: " + last);
            }
            sleep(250);
            last = read.get();
        }
        return last;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
