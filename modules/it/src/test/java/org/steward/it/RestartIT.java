package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.steward.it.support.AtlassianStandIn;
import org.steward.it.support.Database;
import org.steward.it.support.Dumps;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.it.support.Tables;
import org.steward.it.support.WebhookReceiver;

/**
 * What outlives the server process, on one server of this class's own that is stopped gracefully once and killed
 * once (three starts, where separate classes paid two each):
 * <ol>
 * <li>key rotation in the middle of a write load, on the embedded default (the master key is a file in the data
 * directory, so the rotation generates the new key itself): the master key and then the blind-index key are rotated
 * while four clients register subjects, add records and look subjects up by email. Nothing may fail, everything
 * stays readable and findable, and it all survives the restart;</li>
 * <li>data survives the restart, and the migrations that run again at start-up leave an existing database
 * unchanged;</li>
 * <li>unsubscribe links and receipts outlive the restart: their keys are stored wrapped by the master key, not in
 * memory;</li>
 * <li>an Atlassian reporting cycle stopped after its first answered batch resumes after the restart from its
 * cursor, and Atlassian sees every account once;</li>
 * <li>then kill -9 in the middle of a sweep, and a start: the sweep completes, and at no point is a subject
 * half-erased (its data key gone and its rows gone, or both still there; a certificate exactly when it is
 * done).</li>
 * </ol>
 * The tests run in this order and each after-restart test checks what its before-restart test left; the rotation
 * runs first, so that the other data is created under the keys that the restart must bring back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static final int WRITERS = 4;
    private static final Duration LOAD = Duration.ofSeconds(25);
    static final int CRASH_SUBJECTS = 120;

    private StewardServer server;
    private Database db;
    private Path dataDir;
    private Http http;

    // key rotation
    private final Map<String, String> subjects = new ConcurrentHashMap<>(); // id -> email
    private final AtomicLong requests = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private String rotationTenant;
    private String oldKek;
    private String newKek;

    // data and schema
    private String tenant;
    private String subjectId;
    private String email;
    private TreeMap<String, String> schemaBefore;
    private long historyBefore;

    // consent keys
    private String consents;
    private String unsubscribePath;
    private JsonObject receipt;

    // Atlassian reporting across the restart
    private AtlassianStandIn atlassian;
    private String reportingTenant;
    private List<String> reportedAccounts;

    private boolean restarted;

    @BeforeAll
    void start() {
        Database fresh = Database.fresh("restart");
        // H2 writes committed transactions to its file after a delay (500 ms by default): a kill -9 can lose the
        // last ones. The erasure's guarantee is the database's transaction, so the embedded H2 must write at commit.
        db = fresh.postgres() ? fresh
                : new Database(fresh.url() + ";WRITE_DELAY=0", fresh.user(), fresh.password(), fresh.driver());
        dataDir = Path.of(System.getProperty("steward.work", "target/work")).toAbsolutePath()
                .resolve("restart-data-" + Fixtures.unique());
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "STEWARD_DATA_DIR", dataDir.toString(),
                // key rotation: reindex and retire within seconds
                "STEWARD_IDENTITY_REINDEX_PERIOD", "PT2S",
                "STEWARD_CRYPTO_BLIND_INDEX_RETIREMENT_GRACE", "PT2S",
                // the crash: slow enough to be killed in the middle (100 ms inside each subject's transaction), and
                // leases of 5 s, so that the restarted instance (a new lease owner) takes over the dead one's rows
                "STEWARD_RETENTION_SWEEP_PERIOD", "PT1S",
                "STEWARD_RETENTION_ERASURE_DELAY", "PT0.1S",
                "STEWARD_RETENTION_LEASE", "PT5S",
                "STEWARD_RETENTION_CLAIM_SIZE", "5"));
        // sharing: a receiver on plain http on 127.0.0.1; a call gives up after 12 s and a killed instance's
        // deliveries are taken over after 25 s; a proposed subprocessor is active after 1 s
        env.putAll(Map.of("STEWARD_SHARING_ALLOW_HTTP", "true", "STEWARD_SHARING_ALLOW_PRIVATE_ADDRESSES", "true",
                "STEWARD_SHARING_LEASE", "PT25S",
                "STEWARD_SHARING_HTTP_TIMEOUT", "PT12S", "STEWARD_SHARING_OBJECTION_WINDOW", "PT1S"));
        // Atlassian reporting: a stand-in on plain http on 127.0.0.1, and a first retry after about 10 s, so that the
        // graceful stop comes while a batch waits out its backoff
        env.putAll(Map.of("STEWARD_ATLASSIAN_ALLOW_HTTP", "true", "STEWARD_ATLASSIAN_ALLOW_PRIVATE_ADDRESSES", "true",
                "STEWARD_ATLASSIAN_RETRY_DELAY", "PT10S"));
        server = StewardServer.war("restart", db, env).start();
        http = server.http();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ---------------------------------------------------------------- before the restart

    @Test
    @Order(1)
    void rotatesBothKeysUnderAWriteLoadAndKeepsEverythingReadableAndFindable() throws Exception {
        rotationTenant = Fixtures.tenant(http, "CLOUD");
        for (int i = 0; i < 40; i++) {
            register(http, rotationTenant);
        }
        JsonObject before = status(http);
        String kekBefore = before.getJsonObject("masterKey").getString("currentId");
        oldKek = kekBefore;
        assertThat(before.getJsonObject("blindIndex").getJsonObject("rotation").getInt("currentVersion"))
                .isEqualTo(1);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        long deadline = System.nanoTime() + LOAD.toNanos();
        List<Future<?>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    writeAndLookUp(http, rotationTenant);
                }
            }));
        }

        Thread.sleep(5_000);
        Http.Response kek = http.post("/api/v1/admin/keys/master/rotation", null);
        assertThat(kek.status()).as("%s", kek).isEqualTo(202);
        String kekAfter = kek.json().getString("currentKekId");
        assertThat(kekAfter).isNotEqualTo(kekBefore);
        newKek = kekAfter;
        await(http, Duration.ofSeconds(30), s -> "complete".equals(
                s.getJsonObject("masterKey").getJsonObject("rotation").getString("state")));

        Thread.sleep(2_000);
        Http.Response index = http.post("/api/v1/admin/keys/blind-index/rotation", null);
        assertThat(index.status()).as("%s", index).isEqualTo(202);
        assertThat(index.json().getInt("currentVersion")).isEqualTo(2);
        assertThat(index.json().getJsonArray("activeVersions")).hasSize(2);

        for (Future<?> w : writers) {
            w.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long duringLoad = requests.get();
        for (int i = 0; i < 20; i++) {
            register(http, rotationTenant);
        }

        JsonObject after = await(http, Duration.ofSeconds(60), s -> allUnder(s, kekAfter) && allAtVersion(s, 2)
                && "retired".equals(s.getJsonObject("blindIndex").getJsonArray("versions").getJsonObject(0)
                .getString("state")));
        assertThat(after.getJsonObject("masterKey").getJsonArray("previousIds").getString(0)).isEqualTo(kekBefore);
        assertThat(http.post("/api/v1/admin/keys/blind-index/rotation", null).json().getInt("currentVersion"))
                .as("a rotation after a completed one starts the next version").isEqualTo(3);
        await(http, Duration.ofSeconds(60), s -> allAtVersion(s, 3));

        assertEverySubjectReadableAndFindable(http, rotationTenant);
        assertThat(failures).as("requests failed during the load").isEmpty();
        System.out.printf("RestartIT (key rotation): %d subjects, %d requests during the load, %d failed%n",
                subjects.size(), duringLoad, failures.size());
    }

    @Test
    @Order(2)
    void recordsDataAndTheSchemaBeforeTheRestart() throws Exception {
        tenant = Fixtures.tenant(http, "CLOUD");
        Http.Response subject = http.post("/api/v1/tenants/" + tenant + "/subjects",
                "{\"email\":\"restart-" + Fixtures.unique() + "@example.com\",\"displayName\":\"Ren Start\"}");
        assertThat(subject.status()).isEqualTo(201);
        String id = subject.json().getString("id");
        String address = subject.json().getString("email");
        Http.Response contact = http.post("/api/v1/tenants/" + tenant + "/subjects/" + id + "/contacts",
                "{\"name\":\"Ren Start\",\"email\":\"" + address + "\",\"message\":\"call me after the restart\"}");
        assertThat(contact.status()).isEqualTo(201);

        try (Connection c = db.connect()) {
            schemaBefore = Tables.schema(c);
            historyBefore = Tables.count(c, "SELECT COUNT(*) FROM platform_schema_history")
                    + Tables.count(c, "SELECT COUNT(*) FROM identity_schema_history");
        }
        assertThat(historyBefore).isGreaterThanOrEqualTo(2);
        subjectId = id;
        email = address;
    }

    @Test
    @Order(3)
    void issuesAnUnsubscribeLinkAndAReceiptBeforeTheRestart() {
        String t = Fixtures.tenant(http, "CLOUD");
        String subject = Fixtures.subject(http, t);
        String base = "/api/v1/tenants/" + t + "/subjects/" + subject + "/consents";
        Http.Response link = http.post(base + "/unsubscribe-links", "{\"purpose\":\"explicit-consent-marketing\"}");
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        String path = URI.create(link.json().getString("url")).getRawPath();
        int v = http.put("/api/v1/consent/purposes/explicit-consent-marketing/notices/en",
                "{\"text\":\"May we send you offers?\"}").json().getInt("version");
        receipt = http.post(base, "{\"purpose\":\"explicit-consent-marketing\",\"action\":\"GRANT\","
                + "\"noticeVersion\":" + v + "}").json().getJsonObject("receipt");
        consents = base;
        unsubscribePath = path;
    }

    @Test
    @Order(4)
    void reportsTheFirstBatchOfACycleBeforeTheRestart() {
        atlassian = new AtlassianStandIn();
        String token = "token-" + Fixtures.unique();
        atlassian.expectBearer(token);
        // The first batch is answered; the second meets an outage, and waits out its backoff across the restart.
        atlassian.script(AtlassianStandIn.Reply.status(204), AtlassianStandIn.Reply.status(503));
        reportingTenant = Fixtures.tenant(http, "CLOUD");
        reportedAccounts = AtlassianReportingIT.accounts(http, reportingTenant, 200);
        assertThat(http.put(AtlassianReportingIT.reporting(reportingTenant), "{\"mode\":\"OAUTH\",\"baseUrl\":\""
                + atlassian.baseUrl() + "\",\"accessToken\":\"" + token + "\"}").status()).isEqualTo(200);
        AtlassianReportingIT.await(() -> atlassian.received().size(), n -> n == 2);
        // The stand-in counts the second call when it arrives; the run records its 503 a moment later.
        JsonObject status = AtlassianReportingIT.await(() -> http.get(AtlassianReportingIT.reporting(reportingTenant))
                .json(), s -> s.getString("backoffUntil", null) != null);
        assertThat(atlassian.received()).hasSize(2);
        assertThat(status.getBoolean("cycleInProgress")).isTrue();
        assertThat(status.getInt("batchesSent")).isEqualTo(1);
        assertThat(status.getString("backoffUntil", null)).isNotNull();
    }

    // ---------------------------------------------------------------- a graceful stop

    @Test
    @Order(5)
    void stopsGracefullyKeepingBothMasterKeysAndStartsAgain() {
        server.stop();
        assertThat(dataDir.resolve("master.key")).isRegularFile();
        if (newKek != null) { // the master key was rotated (test 1)
            assertThat(dataDir.resolve("previous-master-" + oldKek + ".key")).isRegularFile();
        }
        server.start();
        restarted = true;
    }

    // ---------------------------------------------------------------- after the restart

    @Test
    @Order(6)
    void rotatedKeysSurviveTheRestart() throws Exception {
        assumeTrue(restarted && newKek != null, "the rotation and the restart ran");
        JsonObject status = status(http);
        assertThat(status.getJsonObject("masterKey").getString("currentId")).isEqualTo(newKek);
        assertThat(allUnder(status, newKek)).isTrue();
        assertEverySubjectReadableAndFindable(http, rotationTenant);
        assertThat(failures).isEmpty();
    }

    @Test
    @Order(7)
    void dataSurvivesTheRestartAndMigrationsRunTwiceWithoutChange() throws Exception {
        assumeTrue(restarted && email != null, "the data was recorded and the server restarted");
        Http.Response again = http.get("/api/v1/tenants/" + tenant + "/subjects/" + subjectId);
        assertThat(again.status()).as("after restart: %s\n%s", again, server.logTail()).isEqualTo(200);
        assertThat(again.json().getString("email")).isEqualTo(email);
        assertThat(again.json().getString("displayName")).isEqualTo("Ren Start");
        Http.Response found = http.get("/api/v1/tenants/" + tenant + "/subjects?email=" + email.toUpperCase());
        assertThat(found.json().getJsonArray("items")).hasSize(1);
        Http.Response contacts = http.get("/api/v1/tenants/" + tenant + "/subjects/" + subjectId + "/contacts");
        assertThat(contacts.json().getJsonArray("items").getJsonObject(0).getString("message"))
                .isEqualTo("call me after the restart");

        try (Connection c = db.connect()) {
            assertThat(Tables.schema(c)).isEqualTo(schemaBefore);
            long historyAfter = Tables.count(c, "SELECT COUNT(*) FROM platform_schema_history")
                    + Tables.count(c, "SELECT COUNT(*) FROM identity_schema_history");
            assertThat(historyAfter).isEqualTo(historyBefore);
        }
    }

    @Test
    @Order(8)
    void unsubscribeLinksAndReceiptsStillWorkAfterTheRestart() {
        assumeTrue(restarted && unsubscribePath != null, "the link was issued and the server restarted");
        Http anon = server.anonymous();
        Http.Response verified = anon.post("/api/v1/public/consent/receipts/verification", receipt.toString());
        assertThat(verified.json().getBoolean("valid")).as(verified.toString()).isTrue();
        assertThat(anon.get(unsubscribePath).status()).isEqualTo(200);
        Http.Response post = anon.send("POST", unsubscribePath, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click");
        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        JsonObject state = http.get(consents).json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("purpose").equals("explicit-consent-marketing")).findFirst()
                .orElseThrow();
        assertThat(state.getString("status")).isEqualTo("WITHDRAWN");
        assertThat(state.getString("source")).isEqualTo("EMAIL_LINK");
    }

    @Test
    @Order(9)
    void theReportingCycleResumesAfterTheRestartWithoutResendingWhatWasAnswered() {
        assumeTrue(restarted, "the server was restarted");
        JsonObject status = AtlassianReportingIT.awaitCycleEnd(http, reportingTenant);
        assertThat(atlassian.received()).extracting(AtlassianStandIn.Batch::status).containsExactly(204, 503, 204, 204);
        assertThat(atlassian.received()).extracting(b -> b.accounts().size()).containsExactly(90, 90, 90, 20);
        assertThat(atlassian.acceptedCounts()).containsOnlyKeys(reportedAccounts)
                .allSatisfy((account, n) -> assertThat(n).as(account).isEqualTo(1));
        assertThat(status.getInt("batchesSent")).isEqualTo(3);
        assertThat(atlassian.violations()).isEmpty();
        atlassian.close();
    }

    // ---------------------------------------------------------------- kill -9 in the middle of a sweep

    @Test
    @Order(10)
    void aSweepKilledMidwayLeavesNoHalfErasedSubjectAndCompletesAfterRestart() throws Exception {
        Http op = http;
        String crashed = Fixtures.tenant(op, "CLOUD");
        for (int i = 0; i < CRASH_SUBJECTS; i++) {
            String id = Fixtures.subject(op, crashed);
            assertThat(op.post("/api/v1/tenants/" + crashed + "/subjects/" + id + "/feedback",
                    "{\"text\":\"crash " + Fixtures.unique() + "\"}").status()).isEqualTo(201);
        }
        List<String[]> keys = dataKeys(crashed);
        assertThat(keys).hasSize(CRASH_SUBJECTS);
        assertThat(op.post("/api/v1/tenants/" + crashed + "/licence/termination", "{\"acknowledgeErasure\":true}")
                .status()).isEqualTo(200);
        Dumps.await("a part of the backlog erased", Duration.ofSeconds(120), () -> done(crashed) >= 15);
        server.kill();
        long doneAtKill = done(crashed);
        assertThat(doneAtKill).as("killed in the middle").isBetween(1L, (long) CRASH_SUBJECTS - 1);
        int erased = checkNoneHalfErased(keys);
        System.out.println("Killed with " + doneAtKill + " of " + CRASH_SUBJECTS + " erasures done; " + erased
                + " subjects fully erased, " + (CRASH_SUBJECTS - erased) + " wholly intact, none half-erased");
        assertThat((long) erased).isEqualTo(doneAtKill);

        server.start();
        Dumps.await("the sweep to complete after the restart", Duration.ofSeconds(180), () -> Dumps.count(db,
                "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'TENANT' AND tenant_id = ?"
                        + " AND status = 'DONE'", crashed) == 1);
        assertThat(checkNoneHalfErased(keys)).isEqualTo(CRASH_SUBJECTS);
        assertThat(done(crashed)).isEqualTo(CRASH_SUBJECTS);
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM retention_certificate c JOIN retention_erasure e"
                + " ON e.id = c.erasure_id WHERE e.scope = 'SUBJECT' AND e.tenant_id = ?", crashed))
                .as("one certificate per subject, none twice").isEqualTo(CRASH_SUBJECTS);
        assertThat(Dumps.count(db, "SELECT COUNT(*) FROM identity_personal_record WHERE tenant_id = ?", crashed))
                .isZero();
    }

    // ---------------------------------------------------------------- kill -9 in the middle of a delivery

    @Test
    @Order(11)
    void aNoticeAndAPropagationKilledMidDeliveryAreDeliveredAfterTheRestartUnderTheSameDeliveryId() {
        Http op = http;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String tenant = Fixtures.tenant(op, "CLOUD");
            String recipient = activeSubprocessor(op);
            Http.Response hook = op.put("/api/v1/sharing/subprocessors/" + recipient + "/connector",
                    "{\"connector\":\"WEBHOOK\",\"url\":\"" + receiver.uri("/propagation") + "\"}");
            assertThat(hook.status()).as(hook.toString()).isEqualTo(200);
            // The receiver holds the first request of each path longer than the server lives.
            receiver.hangNext("/propagation", 1, Duration.ofSeconds(60));
            receiver.hangNext("/notices", 1, Duration.ofSeconds(60));
            String subject = Fixtures.subject(op, tenant);
            assertThat(op.post("/api/v1/disclosures", SharingIT.disclosure("restart-" + Fixtures.unique(), tenant,
                    subject, recipient, "contact", "app-provision")).status()).isEqualTo(201);
            assertThat(op.post("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/erasure",
                    "{\"reference\":\"RESTART-1\"}").status()).isEqualTo(202);
            receiver.awaitRequests("/propagation", 1, Duration.ofSeconds(60));
            Http.Response sub = op.post("/api/v1/tenants/" + tenant + "/notice-subscriptions",
                    "{\"channel\":\"WEBHOOK\",\"url\":\"" + receiver.uri("/notices") + "\"}");
            assertThat(sub.status()).as(sub.toString()).isEqualTo(201);
            assertThat(op.post("/api/v1/sharing/subprocessors", SharingIT.body("Restart Processor "
                    + Fixtures.unique(), "PRODUCTIVITY", "contact")).status()).isEqualTo(201);
            // Both deliveries are in flight (the receiver holds them) when the server dies.
            receiver.awaitRequests("/notices", 1, Duration.ofSeconds(30));
            assertThat(receiver.requests("/propagation")).as("not retried before the kill").hasSize(1);
            server.kill();
            server.start();
            List<WebhookReceiver.Received> notices = receiver.awaitRequests("/notices", 2, Duration.ofSeconds(60));
            List<WebhookReceiver.Received> tasks = receiver.awaitRequests("/propagation", 2, Duration.ofSeconds(60));
            assertThat(receiver.distinctDeliveryIds("/notices")).as("the same notice, resent").hasSize(1);
            assertThat(receiver.distinctDeliveryIds("/propagation")).as("the same task, resent").hasSize(1);
            assertThat(notices.get(1).body()).contains("Restart Processor");
            assertThat(tasks.get(1).body()).contains("\"kind\":\"ERASURE\"");
            Dumps.await("the task to be marked sent", Duration.ofSeconds(30), () -> op.get(
                    "/api/v1/sharing/propagations?recipient=" + recipient).json().getJsonArray("items").stream()
                    .map(jakarta.json.JsonObject.class::cast).anyMatch(t -> t.getString("state").equals("SENT")));
            sleep(3000);
            assertThat(receiver.requests("/notices")).as("nothing after the resend").hasSize(2);
            assertThat(receiver.requests("/propagation")).as("nothing after the resend").hasSize(2);
        }
    }

    /** A subprocessor proposed and active (the objection window here is a second). */
    private static String activeSubprocessor(Http op) {
        Http.Response proposed = op.post("/api/v1/sharing/subprocessors", SharingIT.body("Restart Recipient "
                + Fixtures.unique(), "PRODUCTIVITY", "contact"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String id = proposed.json().getString("id");
        Dumps.await("the subprocessor to become active", Duration.ofSeconds(30), () -> "ACTIVE".equals(op
                .get("/api/v1/sharing/subprocessors/" + id).json().getString("status")));
        return id;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- key rotation helpers

    /** One round of the load: register a subject, add a record to it, find a random earlier subject by email. */
    private void writeAndLookUp(Http http, String tenant) {
        String id = register(http, tenant);
        if (id != null) {
            check(http.post("/api/v1/tenants/" + tenant + "/subjects/" + id + "/contacts",
                    "{\"name\":\"Load\",\"email\":\"load@example.com\",\"message\":\"during rotation\"}"), 201, "add record");
        }
        List<String> ids = new ArrayList<>(subjects.keySet());
        String known = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        Http.Response found = check(http.get("/api/v1/tenants/" + tenant + "/subjects?email="
                + subjects.get(known).toUpperCase()), 200, "find by email");
        if (found != null && (found.json().getJsonArray("items").size() != 1
                || !found.json().getJsonArray("items").getJsonObject(0).getString("id").equals(known))) {
            failures.add("find by email did not find subject " + known + ": " + found.body());
        }
    }

    private String register(Http http, String tenant) {
        String u = Fixtures.unique() + Fixtures.unique();
        String address = "rot-" + u + "@example.com";
        Http.Response r = check(http.post("/api/v1/tenants/" + tenant + "/subjects",
                "{\"email\":\"" + address + "\",\"username\":\"rot_" + u + "\"}"), 201, "register");
        if (r == null) {
            return null;
        }
        String id = r.json().getString("id");
        subjects.put(id, address);
        return id;
    }

    private Http.Response check(Http.Response r, int expected, String what) {
        requests.incrementAndGet();
        if (r.status() != expected) {
            failures.add(what + ": " + r.status() + " " + r.body());
            return null;
        }
        return r;
    }

    private void assertEverySubjectReadableAndFindable(Http http, String tenant) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> checks = new ArrayList<>();
        for (Map.Entry<String, String> s : subjects.entrySet()) {
            checks.add(pool.submit(() -> {
                Http.Response got = http.get("/api/v1/tenants/" + tenant + "/subjects/" + s.getKey());
                assertThat(got.status()).as("%s", got).isEqualTo(200);
                assertThat(got.json().getString("email")).isEqualTo(s.getValue());
                Http.Response found = http.get("/api/v1/tenants/" + tenant + "/subjects?email=" + s.getValue());
                assertThat(found.json().getJsonArray("items")).as("find %s", s.getKey()).hasSize(1);
                assertThat(found.json().getJsonArray("items").getJsonObject(0).getString("id"))
                        .isEqualTo(s.getKey());
            }));
        }
        for (Future<?> c : checks) {
            c.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    private static JsonObject status(Http http) {
        Http.Response r = http.get("/api/v1/admin/keys");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static JsonObject await(Http http, Duration timeout, Predicate<JsonObject> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject s = status(http);
        while (!done.test(s)) {
            assertThat(System.nanoTime()).as("key status did not settle: %s", s).isLessThan(deadline);
            Thread.sleep(500);
            s = status(http);
        }
        return s;
    }

    private static boolean allUnder(JsonObject status, String kek) {
        JsonObject m = status.getJsonObject("masterKey");
        return m.getJsonObject("dataKeys").keySet().equals(java.util.Set.of(kek))
                && m.getJsonObject("secrets").keySet().equals(java.util.Set.of(kek));
    }

    private static boolean allAtVersion(JsonObject status, int version) {
        JsonObject rows = status.getJsonObject("blindIndex").getJsonObject("rows").getJsonObject("identity_subject");
        return rows.keySet().equals(java.util.Set.of(String.valueOf(version)));
    }

    // ---------------------------------------------------------------- crash helpers

    private long done(String tenantId) {
        return Dumps.count(db, "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'SUBJECT' AND tenant_id = ?"
                + " AND status = 'DONE'", tenantId);
    }

    /** {subject id, data key id} of every subject of the tenant. */
    private List<String[]> dataKeys(String tenantId) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, data_key_id FROM identity_subject WHERE tenant_id = ?")) {
            ps.setString(1, tenantId);
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
    private int checkNoneHalfErased(List<String[]> keys) {
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
