package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.steward.it.support.AtlassianStandIn;
import org.steward.it.support.Database;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.JsmStandIn;
import org.steward.it.support.Mailbox;
import org.steward.it.support.Pair;
import org.steward.it.support.StewardServer;
import org.steward.it.support.WebhookReceiver;

/**
 * A cluster of three: the shared pair (A, B) and a third instance, C, that joins their grid, all on one database. Load
 * goes through all three at once: subjects, consents, disclosures and corrections, staff-filed access and erasure
 * requests, subprocessor proposals, help-center tickets and Atlassian reporting, which set every background job to
 * work (the retention sweep, the subject-request tasks and mail, the notice and propagation outbox, the comment
 * outbox, the reporter). In the middle of it C is killed with SIGKILL, and the load goes on through A and B. Then:
 * <ul>
 * <li>every write that any instance acknowledged, before or after the kill, is in the database;</li>
 * <li>a consent change through one instance is seen by a decision on another at once, all along;</li>
 * <li>every piece of background work was done exactly once: counted where it arrives (the webhook receiver, the SMTP
 * server, the JSM and Atlassian stand-ins) and in the product's tables;</li>
 * <li>the leases C held when it died (found by its instance id) were taken over within their length and the jobs'
 * period, and every row leased at that moment was done;</li>
 * <li>the audit chain has no fork and no gap, and verifies on A and B.</li>
 * </ul>
 * Exactly once, precisely: a call that an instance made but did not record (C died, or a live one stalled past its
 * lease, or the call timed out though the receiver got it) is made again by whoever takes the work over, under the
 * same id (Steward-Delivery, the batch's accounts), which is how a receiver can tell. Such a copy, and only such, is
 * allowed: it came after the lease of the copy before it ran out, or after a try the sender recorded as failed.
 * Request mail holds no lease while it is sent (its row lock, for the transaction): a copy only of a mail C was sending
 * when it died. JSM comments get no copy at all: a takeover looks at the ticket first. The receivers hold each answer
 * a while, so that C dies with calls in flight, and a tenant's licence ends just before the kill, so that C dies
 * holding erasures. Every figure goes to the output: counts, takeover delays, consent write latency around the kill.
 */
class ClusterIT {

    private static final Duration BEFORE_KILL = Duration.ofSeconds(12);
    /**
     * How long to wait, after {@link #BEFORE_KILL}, for C to hold a lease of its own on an outbox row (a webhook in
     * flight), and then on anything; then it is killed anyway.
     */
    private static final Duration LEASE_WAIT = Duration.ofSeconds(6);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);
    /** The receivers' stand-ins answer after this long (below the 2-second HTTP timeouts of the pair). */
    private static final Duration HOLD = Duration.ofMillis(300);
    private static final Duration REPORT_HOLD = Duration.ofMillis(500);
    /** Beyond a lease's end, what a takeover may take: the jobs' 1-second period and the work itself, on 2 busy cores. */
    private static final Duration TAKEOVER_SLACK = Duration.ofSeconds(8);
    private static final Duration DRAIN = Duration.ofSeconds(150);
    private static final int WORKERS_PER_INSTANCE = 2;
    /** The subjects of the tenant whose licence ends just before the kill (a multiple of 4). */
    private static final int ENDING_SUBJECTS = 60;
    private static final String SLACK = "5b0a6f0e-0004-4a8e-9c1e-000000000004";
    private static final String DESK = "7";
    private static final String ACCESS_TYPE = "12";
    private static final String JSM_EMAIL = "privacy-bot@osci.example";
    private static final String[] NOTICE_HOOKS = {"/notice-1", "/notice-2", "/notice-3"};
    private static final String PROPAGATION_HOOK = "/propagation";
    /** The names of the subprocessors this run proposes. */
    private static final String PROPOSAL = "Cluster Recipient " + Fixtures.unique() + " ";

    /** One instance and what it is called in reports. */
    record Node(String name, StewardServer server, Http http, boolean isC) {
    }

    record Subject(String tenant, String id, String email, String account, Instant at) {
    }

    /** A staff-filed request whose approval was acknowledged. */
    record Approved(String id, String email, boolean erasure, String subject) {
    }

    /** One acknowledged consent write: through which instance, when it returned, how long it took. */
    record Timed(String instance, Instant at, long millis) {
    }

    /** What the load did: every acknowledged write, and every answer it did not expect. */
    static final class Load {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicBoolean stopEvents = new AtomicBoolean();
        volatile boolean killing;
        volatile Instant kill;
        final Queue<Subject> subjects = new ConcurrentLinkedQueue<>();
        final Queue<String> consents = new ConcurrentLinkedQueue<>();
        final Queue<String> disclosures = new ConcurrentLinkedQueue<>();
        final Queue<String> rectified = new ConcurrentLinkedQueue<>();
        final Queue<String> filed = new ConcurrentLinkedQueue<>();
        final Queue<Approved> approved = new ConcurrentLinkedQueue<>();
        final Queue<Subject> jsmCandidates = new ConcurrentLinkedQueue<>();
        final Queue<String> proposed = new ConcurrentLinkedQueue<>();
        final Map<String, String> jsmKeys = new ConcurrentHashMap<>(); // issue key -> subject id
        final Set<String> jsmApproved = ConcurrentHashMap.newKeySet(); // request ids
        final Queue<Timed> consentWrites = new ConcurrentLinkedQueue<>();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        final Queue<String> mismatches = new ConcurrentLinkedQueue<>();
        final AtomicInteger decisionRounds = new AtomicInteger();
        final AtomicInteger decisionRoundsAfterKill = new AtomicInteger();
        final AtomicInteger lostOnC = new AtomicInteger();
        final Map<String, AtomicInteger> ackedAfterKill = new ConcurrentHashMap<>();
        final Map<String, List<String>> reported = new ConcurrentHashMap<>(); // tenant -> accounts due in the cycle
    }

    /** A table whose rows are leased: its key, its owner column (null: it has none) and what "still open" means. */
    record LeaseTable(String table, String key, String owner, String open) {
    }

    static final List<LeaseTable> LEASE_TABLES = List.of(
            new LeaseTable("retention_erasure", "id", "lease_owner", "status = 'PENDING'"),
            new LeaseTable("retention_policy", "category_key", "lease_owner", "1 = 1"),
            new LeaseTable("subject_rights_task", "id", "lease_owner", "state IN ('PENDING', 'WAITING', 'FAILING')"),
            new LeaseTable("subject_rights_mail", "id", "lease_owner", "state = 'PENDING'"),
            new LeaseTable("sharing_delivery", "id", "lease_owner", "state IN ('PENDING', 'FAILING')"),
            new LeaseTable("sharing_propagation", "id", "lease_owner", "state IN ('PENDING', 'FAILING')"),
            new LeaseTable("atlassian_reporting", "tenant_id", "lease_owner", "cycle_started_at IS NOT NULL"),
            new LeaseTable("atlassian_service_desk", "id", "lease_owner", "1 = 1"),
            new LeaseTable("atlassian_ticket", "id", null, "state = 'PENDING'"),
            new LeaseTable("atlassian_ticket_comment", "id", null, "state <> 'POSTED'"));

    /** A row leased when C died, and when it was first seen done or leased anew. */
    static final class Lease {
        final LeaseTable table;
        final String key;
        final String owner;
        final OffsetDateTime until;
        volatile Instant resolved;

        Lease(LeaseTable table, String key, String owner, OffsetDateTime until) {
            this.table = table;
            this.key = key;
            this.owner = owner;
            this.until = until;
        }

        @Override
        public String toString() {
            return table.table() + " " + key + " (owner " + owner + ", until " + until + ", resolved " + resolved + ")";
        }
    }

    @Test
    void threeInstancesUnderLoadLoseNothingDoNothingTwiceAndTakeOverTheLeasesOfOneKilled() throws Exception {
        long p0 = System.nanoTime();
        Pair pair = Pair.shared();
        long t0 = System.nanoTime();
        System.out.println("ClusterIT: the pair was ready after " + (t0 - p0) / 1_000_000 + " ms");
        Database db = pair.database();
        StewardServer c = pair.third("cluster-c");
        // C starts (20-60 s) while the stage is set through A.
        java.util.concurrent.atomic.AtomicReference<RuntimeException> startFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread starting = new Thread(() -> {
            try {
                c.start();
            } catch (RuntimeException e) {
                startFailure.set(e);
            }
        }, "start-c");
        starting.start();
        WebhookReceiver receiver = new WebhookReceiver();
        JsmStandIn jsm = new JsmStandIn();
        AtlassianStandIn atlassian = new AtlassianStandIn();
        Http op = pair.a().http();
        Stage stage = null;
        try {
            stage = setStage(op, receiver, jsm, atlassian);
            starting.join(Duration.ofSeconds(200).toMillis());
            if (startFailure.get() != null) {
                throw startFailure.get();
            }
            assertThat(starting.isAlive()).as("C still starting").isFalse();
            String cId = instanceId(c);
            long startedMs = (System.nanoTime() - t0) / 1_000_000;

            List<Node> nodes = List.of(new Node("A", pair.a(), pair.a().http(), false),
                    new Node("B", pair.b(), pair.b().http(), false), new Node("C", c, c.http(), true));
            // The grid holds three members, as each of them sees it.
            for (Node n : nodes) {
                awaitLog(n.server(), 0, "DG Size: 3", Duration.ofSeconds(60));
            }
            run(pair, db, c, cId, nodes, stage, receiver, jsm, atlassian, startedMs, t0);
        } finally {
            if (starting.isAlive()) {
                starting.join(Duration.ofSeconds(180).toMillis());
            }
            c.kill();
            c.close();
            if (stage != null) {
                cleanUp(op, stage);
            }
            receiver.close();
            jsm.close();
            atlassian.close();
        }
    }

    /**
     * JSM took a comment but its answer never came (the call timed out): the comment's outcome is unknown, as when an
     * instance dies while posting. The retry looks at the ticket first, and the subject reads each notice once. (JSM's
     * API has no idempotency key; before the look, every retry posted the comment again.)
     */
    @Test
    void aCommentWhoseAnswerNeverCameIsNotPostedTwice() throws Exception {
        Pair pair = Pair.shared();
        long t0 = System.nanoTime();
        Http op = pair.a().http();
        try (JsmStandIn jsm = new JsmStandIn()) {
            String token = "api-token-" + Fixtures.unique();
            jsm.expectBasic(JSM_EMAIL, token);
            // Longer than the pair's 2-second timeout of calls to Atlassian: every post times out.
            jsm.delayComments(Duration.ofSeconds(3));
            String desk = desk(op, jsm, token);
            String tenant = Fixtures.tenant(op, "CLOUD");
            String account = "712020:" + UUID.randomUUID();
            assertThat(op.post("/api/v1/tenants/" + tenant + "/subjects", "{\"accountId\":\"" + account + "\"}")
                    .status()).isEqualTo(201);
            String key = jsm.addRequest(DESK, ACCESS_TYPE, new JsmStandIn.Customer(account, null, "Slow Desk"),
                    "Send me my data");
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                JsonObject t = null;
                while (System.nanoTime() < deadline && (t == null || !"FILED".equals(t.getString("state"))
                        || t.getInt("pendingComments") > 0)) {
                    Thread.sleep(250);
                    t = ticket(op, desk, key);
                }
                Thread.sleep(2000); // nothing more may come
                List<String> comments = jsm.comments(key).stream().map(c -> c.body().lines().findFirst().orElse(""))
                        .toList();
                assertThat(comments).as("each notice once, though every post timed out")
                        .containsExactly("We received your request", "Your request is verified");
                System.out.println("ClusterIT: a ticket's two comments, every post timed out, posted once each in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
                assertThat(t).as("the ticket filed").isNotNull();
                assertThat(t.getInt("pendingComments")).as("comments left to post").isZero();
                assertThat(jsm.violations()).isEmpty();
            } finally {
                op.delete("/api/v1/atlassian/service-desks/" + desk);
            }
        }
    }

    private static String desk(Http op, JsmStandIn jsm, String token) {
        Http.Response desk = op.post("/api/v1/atlassian/service-desks", "{\"name\":\"Cluster help center\","
                + "\"siteUrl\":\"" + jsm.baseUrl() + "\",\"serviceDeskId\":\"" + DESK + "\",\"auth\":\"BASIC\","
                + "\"email\":\"" + JSM_EMAIL + "\",\"apiToken\":\"" + token + "\",\"requestTypes\":{\""
                + ACCESS_TYPE + "\":\"ACCESS\"},\"poll\":true}");
        assertThat(desk.status()).as(desk.body()).isEqualTo(201);
        return desk.json().getString("id");
    }

    private static JsonObject ticket(Http op, String desk, String key) {
        Http.Response r = op.get("/api/v1/atlassian/service-desks/" + desk + "/tickets?limit=500");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.jsonArray().stream().map(JsonValue::asJsonObject).filter(t -> key.equals(t.getString("issueKey")))
                .findFirst().orElse(null);
    }

    /** What the load works on: tenants, subscriptions, the connected recipient, the help desk. */
    record Stage(List<String> tenants, String checkTenant, String checkSubject, int noticeVersion,
                 Map<String, String> subscriptions, List<String> noticeEmails, String desk, String ending,
                 List<String> endingSubjects) {
    }

    private static Stage setStage(Http op, WebhookReceiver receiver, JsmStandIn jsm, AtlassianStandIn atlassian) {
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < 3 * WORKERS_PER_INSTANCE; i++) {
            tenants.add(Fixtures.tenant(op, "CLOUD"));
        }
        String checkTenant = Fixtures.tenant(op, "CLOUD");
        String checkSubject = Fixtures.subject(op, checkTenant);
        Http.Response notice = op.put("/api/v1/consent/purposes/web-analytics/notices/en",
                "{\"text\":\"Cluster notice\"}");
        assertThat(notice.status()).as(notice.toString()).isIn(200, 201);
        int version = notice.json().getInt("version");

        // Change notices go to three webhooks and two mailboxes of one tenant.
        Map<String, String> subscriptions = new LinkedHashMap<>();
        for (String path : NOTICE_HOOKS) {
            Http.Response r = op.post("/api/v1/tenants/" + tenants.get(0) + "/notice-subscriptions",
                    "{\"channel\":\"WEBHOOK\",\"url\":\"" + receiver.uri(path) + "\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            subscriptions.put(r.json().getString("id"), tenants.get(0));
            receiver.expectSecret(path, secret(r.json().getString("secret")));
            receiver.hangNext(path, Integer.MAX_VALUE, HOLD);
        }
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String email = "notices-" + Fixtures.unique() + "@tenant.example";
            Http.Response r = op.post("/api/v1/tenants/" + tenants.get(0) + "/notice-subscriptions",
                    "{\"channel\":\"EMAIL\",\"email\":\"" + email + "\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            subscriptions.put(r.json().getString("id"), tenants.get(0));
            emails.add(email);
        }
        // Corrections of data disclosed to Slack are propagated to it by webhook.
        Http.Response hook = op.put("/api/v1/sharing/subprocessors/" + SLACK + "/connector",
                "{\"connector\":\"WEBHOOK\",\"url\":\"" + receiver.uri(PROPAGATION_HOOK) + "\"}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(200);
        receiver.expectSecret(PROPAGATION_HOOK, secret(hook.json().getJsonObject("connector").getString("secret")));
        receiver.hangNext(PROPAGATION_HOOK, Integer.MAX_VALUE, HOLD);

        // The help center: polled every second; comments answered slowly.
        String token = "api-token-" + Fixtures.unique();
        jsm.expectBasic(JSM_EMAIL, token);
        jsm.delayComments(HOLD);
        String desk = desk(op, jsm, token);

        atlassian.expectBearer("token-reporting");
        atlassian.delay(REPORT_HOLD);
        // A tenant whose licence is terminated just before the kill: a backlog of erasures all instances claim from.
        String ending = Fixtures.tenant(op, "CLOUD");
        List<String> endingSubjects = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> registering = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            registering.add(thread("register-" + t, () -> {
                for (int i = 0; i < ENDING_SUBJECTS / 4; i++) {
                    endingSubjects.add(Fixtures.subject(op, ending));
                }
            }));
        }
        registering.forEach(Thread::start);
        for (Thread t : registering) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(endingSubjects).hasSize(ENDING_SUBJECTS);
        return new Stage(tenants, checkTenant, checkSubject, version, subscriptions, emails, desk, ending,
                List.copyOf(endingSubjects));
    }

    private void run(Pair pair, Database db, StewardServer c, String cId, List<Node> nodes, Stage stage,
                     WebhookReceiver receiver, JsmStandIn jsm, AtlassianStandIn atlassian, long startedMs, long t0)
            throws Exception {
        Load load = new Load();
        Instant loadStart = Instant.now();
        List<Thread> threads = new ArrayList<>();
        int w = 0;
        for (Node n : nodes) {
            for (int i = 0; i < WORKERS_PER_INSTANCE; i++) {
                String tenant = stage.tenants().get(w++);
                threads.add(thread("worker-" + n.name() + i, () -> work(load, n, tenant, stage.noticeVersion())));
            }
        }
        threads.add(thread("decisions", () -> decisions(load, nodes, stage)));
        Thread events = thread("events", () -> events(load, nodes, stage, jsm, atlassian, loadStart));
        threads.forEach(Thread::start);
        events.start();

        // The kill: once the load ran a while, a tenant's licence ended (its erasures are claimed by all three), and C
        // holds leases of its own (found by its instance id): erasures or deliveries, else anything.
        Thread.sleep(BEFORE_KILL.toMillis());
        Http.Response ended = pair.a().http().post("/api/v1/tenants/" + stage.ending() + "/licence/termination",
                "{\"acknowledgeErasure\":true,\"reason\":\"ClusterIT\"}");
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        long waited = System.nanoTime();
        Map<String, Integer> cLeases = leasesOf(db, cId);
        while (System.nanoTime() - waited < LEASE_WAIT.toNanos() && (cLeases.isEmpty()
                || System.nanoTime() - waited < LEASE_WAIT.toNanos() * 2 / 3 && !cLeases.containsKey("retention_erasure")
                && !cLeases.containsKey("sharing_delivery") && !cLeases.containsKey("sharing_propagation"))) {
            Thread.sleep(50);
            cLeases = leasesOf(db, cId);
        }
        Map<StewardServer, Long> logOffsets = new HashMap<>();
        for (Node n : nodes) {
            logOffsets.put(n.server(), Files.size(n.server().log()));
        }
        load.killing = true;
        c.kill();
        Instant kill = Instant.now();
        load.kill = kill;
        List<Lease> leased = leasedAt(db, kill);
        Thread watcher = thread("leases", () -> watch(db, leased, load));
        watcher.start();
        Duration removed = null;
        try {
            removed = awaitLog(pair.a(), logOffsets.get(pair.a()), "DG Size: 2", Duration.ofSeconds(60));
        } catch (AssertionError e) {
            load.unexpected.add("A's grid did not drop C within 60 s");
        }
        long sinceKill = Duration.between(kill, Instant.now()).toMillis();
        Thread.sleep(Math.max(0, AFTER_KILL.toMillis() - sinceKill));
        load.stop.set(true);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(90).toMillis());
        }
        Instant loadEnd = Instant.now();

        // Drain: everything the load set going completes (the events thread still approves filed tickets).
        long drainStart = System.nanoTime();
        awaitDrained(db, load, stage, jsm);
        load.stopEvents.set(true);
        events.join(Duration.ofSeconds(30).toMillis());
        long drainMs = (System.nanoTime() - drainStart) / 1_000_000;
        Thread.sleep(3000); // the instances keep running: nothing more may arrive
        watcher.join(Duration.ofSeconds(30).toMillis());

        SoftAssertions verdict = check(db, pair, cId, load, stage, leased, receiver, jsm, atlassian, kill, cLeases);
        report(load, nodes, leased, cId, kill, removed, startedMs, loadStart, loadEnd, drainMs, t0);
        verdict.assertAll();
    }

    // ------------------------------------------------------------------ the load

    private void work(Load load, Node n, String tenant, int noticeVersion) {
        for (int i = 0; !load.stop.get() && !(n.isC() && load.killing); i++) {
            String email = "cluster-" + Fixtures.unique() + "@example.com";
            String account = "712020:" + UUID.randomUUID();
            int round = i;
            Http.Response r = call(load, n, () -> n.http().post("/api/v1/tenants/" + tenant + "/subjects",
                    "{\"email\":\"" + email + "\",\"accountId\":\"" + account + "\",\"displayName\":\"Cluster "
                            + round + "\"}"));
            if (!acked(load, n, r, 201)) {
                continue;
            }
            Subject s = new Subject(tenant, r.json().getString("id"), email, account, Instant.now());
            load.subjects.add(s);
            long c0 = System.nanoTime();
            r = call(load, n, () -> n.http().post(consents(s.tenant(), s.id()), "{\"purpose\":\"web-analytics\","
                    + "\"action\":\"GRANT\",\"noticeVersion\":" + noticeVersion + "}"));
            if (acked(load, n, r, 201)) {
                load.consents.add(r.json().getString("id"));
                load.consentWrites.add(new Timed(n.name(), Instant.now(), (System.nanoTime() - c0) / 1_000_000));
            }
            switch (i % 8) {
                case 0, 4 -> correct(load, n, s);
                case 1 -> file(load, n, s.email(), false, s.id());
                case 3 -> load.jsmCandidates.add(s);
                case 6 -> erase(load, n, tenant);
                default -> {
                }
            }
        }
    }

    /** A disclosure to Slack, then a correction: a RECTIFICATION propagated to Slack's webhook. */
    private void correct(Load load, Node n, Subject s) {
        Http.Response r = call(load, n, () -> n.http().post("/api/v1/disclosures", SharingIT.disclosure(
                "cluster-" + Fixtures.unique(), s.tenant(), s.id(), "Slack", "contact", "communication-support")));
        if (!acked(load, n, r, 201)) {
            return;
        }
        load.disclosures.add(r.json().getString("id"));
        r = call(load, n, () -> n.http().patch("/api/v1/tenants/" + s.tenant() + "/subjects/" + s.id(),
                "{\"displayName\":\"Corrected " + Fixtures.unique() + "\"}"));
        if (acked(load, n, r, 200)) {
            load.rectified.add(s.id());
        }
    }

    /** A staff-filed request (the identity checked by staff), approved at once. */
    private void file(Load load, Node n, String email, boolean erasure, String subject) {
        Http.Response r = call(load, n, () -> n.http().post("/api/v1/requests", "{\"type\":\""
                + (erasure ? "ERASURE" : "ACCESS") + "\",\"jurisdiction\":\"GDPR\",\"subject\":{\"email\":\"" + email
                + "\"},\"channel\":\"EMAIL\",\"identityCheck\":\"Replied from the address on file (ClusterIT)\"}"));
        if (!acked(load, n, r, 202)) {
            return;
        }
        String id = r.json().getString("id");
        load.filed.add(id);
        r = call(load, n, () -> n.http().post("/api/v1/requests/" + id + "/approval", ""));
        if (acked(load, n, r, 200)) {
            load.approved.add(new Approved(id, email, erasure, subject));
        }
    }

    /** A subject of its own, and an erasure request for it: the task queues it, the sweep erases it. */
    private void erase(Load load, Node n, String tenant) {
        String email = "erased-" + Fixtures.unique() + "@example.com";
        Http.Response r = call(load, n, () -> n.http().post("/api/v1/tenants/" + tenant + "/subjects",
                "{\"email\":\"" + email + "\"}"));
        if (acked(load, n, r, 201)) {
            file(load, n, email, true, r.json().getString("id"));
        }
    }

    /**
     * One subject's consent, flipped through one instance and decided at once on another, round after round; every
     * decision must show the write acknowledged just before it.
     */
    private void decisions(Load load, List<Node> nodes, Stage stage) {
        Map<String, Http> services = new HashMap<>();
        for (Node n : nodes) {
            services.put(n.name(), n.server().apiKey(stage.checkTenant(), "SERVICE"));
        }
        String consents = consents(stage.checkTenant(), stage.checkSubject());
        for (int i = 0; !load.stop.get(); i++) {
            List<Node> alive = alive(nodes, load);
            Node writer = alive.get(i % alive.size());
            Node reader = alive.get((i + 1) % alive.size());
            boolean grant = i % 2 == 0;
            long c0 = System.nanoTime();
            Http.Response r = call(load, writer, () -> writer.http().post(consents, grant
                    ? "{\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":" + stage.noticeVersion()
                    + "}" : "{\"purpose\":\"web-analytics\",\"action\":\"WITHDRAW\"}"));
            if (!acked(load, writer, r, 201)) {
                continue;
            }
            load.consentWrites.add(new Timed(writer.name(), Instant.now(), (System.nanoTime() - c0) / 1_000_000));
            Http service = services.get(reader.name());
            Http.Response d = call(load, reader, () -> service.get("/api/v1/consent/decision?subject="
                    + stage.checkSubject() + "&purpose=web-analytics"));
            if (!acked(load, reader, d, 200)) {
                continue;
            }
            load.decisionRounds.incrementAndGet();
            if (load.kill != null) {
                load.decisionRoundsAfterKill.incrementAndGet();
            }
            if (d.json().getBoolean("allowed") != grant) {
                load.mismatches.add("round " + i + ": " + reader.name() + " decided " + d.json() + " after "
                        + writer.name() + "'s " + (grant ? "grant" : "withdrawal"));
            }
        }
    }

    /**
     * Every two seconds: a subprocessor proposal (a notice to every subscription) and a help-center ticket from a
     * subject; the tickets the desk's poll filed are approved; shortly before the kill, every worker tenant's
     * Atlassian reporting is switched on.
     */
    private void events(Load load, List<Node> nodes, Stage stage, JsmStandIn jsm, AtlassianStandIn atlassian,
                        Instant start) {
        boolean reporting = false;
        for (int i = 0; !load.stopEvents.get(); i++) {
            List<Node> alive = alive(nodes, load);
            Node n = alive.get(i % alive.size());
            if (!load.stop.get()) {
                String name = PROPOSAL + Fixtures.unique();
                Http.Response r = call(load, n, () -> n.http().post("/api/v1/sharing/subprocessors",
                        SharingIT.body(name, "PRODUCTIVITY", "contact")));
                if (acked(load, n, r, 201)) {
                    load.proposed.add(r.json().getString("id"));
                }
                Subject s = load.jsmCandidates.poll();
                if (s != null) {
                    load.jsmKeys.put(jsm.addRequest(DESK, ACCESS_TYPE, new JsmStandIn.Customer(s.account(),
                            s.email(), "Cluster Customer"), "Send me my data"), s.id());
                }
                if (!reporting && Duration.between(start, Instant.now()).compareTo(BEFORE_KILL.minusSeconds(2)) > 0) {
                    reporting = true;
                    Node a = nodes.get(0); // not C: it may be dying by the end of the loop
                    for (String tenant : stage.tenants()) {
                        List<String> due = load.subjects.stream().filter(x -> x.tenant().equals(tenant))
                                .map(Subject::account).toList();
                        Http.Response set = call(load, a, () -> a.http().put(reporting(tenant), "{\"mode\":\"OAUTH\","
                                + "\"baseUrl\":\"" + atlassian.baseUrl() + "\",\"accessToken\":\"token-reporting\"}"));
                        if (acked(load, a, set, 200)) {
                            load.reported.put(tenant, due);
                        }
                    }
                }
            }
            approveFiled(load, n, stage);
            sleep(load.stop.get() ? 500 : 2000);
        }
    }

    private static void approveFiled(Load load, Node n, Stage stage) {
        Http.Response r = call(load, n, () -> n.http().get("/api/v1/atlassian/service-desks/" + stage.desk()
                + "/tickets?limit=500"));
        if (!acked(load, n, r, 200)) {
            return;
        }
        for (JsonValue v : r.jsonArray()) {
            JsonObject t = v.asJsonObject();
            String request = t.getString("requestId", null);
            if (!"FILED".equals(t.getString("state")) || request == null || load.jsmApproved.contains(request)) {
                continue;
            }
            Http.Response a = call(load, n, () -> n.http().post("/api/v1/requests/" + request + "/approval", ""));
            if (a != null && a.status() == 409) {
                // Approved through C just before it died, its answer lost with it: the request went on.
                Http.Response state = call(load, n, () -> n.http().get("/api/v1/requests/" + request));
                if (state != null && state.status() == 200 && !"VERIFIED".equals(state.json().getString("state"))) {
                    load.jsmApproved.add(request);
                }
            } else if (acked(load, n, a, 200)) {
                load.jsmApproved.add(request);
            }
        }
    }

    /** The answer, or null when the call failed (expected only of C once its kill began). */
    private static Http.Response call(Load load, Node n, Supplier<Http.Response> call) {
        boolean wasKilling = load.killing;
        try {
            return call.get();
        } catch (IllegalStateException e) {
            if (n.isC() && (wasKilling || load.killing)) {
                load.lostOnC.incrementAndGet();
            } else {
                load.unexpected.add(n.name() + ": " + e + (e.getCause() == null ? "" : " < " + e.getCause()));
            }
            return null;
        }
    }

    /** Whether the answer is the expected one; any other answer is recorded as unexpected. */
    private static boolean acked(Load load, Node n, Http.Response r, int status) {
        if (r == null) {
            return false;
        }
        if (r.status() != status) {
            load.unexpected.add(n.name() + ": " + r.status() + " " + r.body());
            return false;
        }
        if (load.kill != null) {
            load.ackedAfterKill.computeIfAbsent(n.name(), k -> new AtomicInteger()).incrementAndGet();
        }
        return true;
    }

    private static List<Node> alive(List<Node> nodes, Load load) {
        return nodes.stream().filter(n -> !(n.isC() && load.killing)).toList();
    }

    // ------------------------------------------------------------------ the kill and the leases

    /** The instance id a server logged at start-up: the owner of the leases it takes. */
    private static String instanceId(StewardServer s) throws Exception {
        Matcher m = Pattern.compile("the leases it takes are held as ([0-9a-f-]{36})").matcher(Files.readString(s.log()));
        assertThat(m.find()).as("C logged its instance id").isTrue();
        return m.group(1);
    }

    /** How many open rows the instance holds an unexpired lease on, by table (those with none left out). */
    private static Map<String, Integer> leasesOf(Database db, String owner) throws SQLException {
        Map<String, Integer> n = new LinkedHashMap<>();
        try (Connection conn = db.connect()) {
            for (LeaseTable t : LEASE_TABLES) {
                if (t.owner() == null) {
                    continue;
                }
                try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM " + t.table() + " WHERE "
                        + t.owner() + " = ? AND lease_until > ? AND " + t.open())) {
                    ps.setString(1, owner);
                    ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            n.put(t.table(), rs.getInt(1));
                        }
                    }
                }
            }
        }
        return n;
    }

    /** Every open row whose lease had not run out at {@code at}. */
    private static List<Lease> leasedAt(Database db, Instant at) throws SQLException {
        List<Lease> out = new ArrayList<>();
        try (Connection conn = db.connect()) {
            for (LeaseTable t : LEASE_TABLES) {
                try (PreparedStatement ps = conn.prepareStatement("SELECT " + t.key() + ", "
                        + (t.owner() == null ? "NULL" : t.owner()) + ", lease_until FROM " + t.table()
                        + " WHERE lease_until > ? AND " + t.open())) {
                    ps.setObject(1, at.atOffset(ZoneOffset.UTC));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Lease(t, rs.getString(1), rs.getString(2),
                                    rs.getObject(3, OffsetDateTime.class)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Until every row leased at the kill is done or leased anew, notes when each was first seen so. */
    private static void watch(Database db, List<Lease> leased, Load load) {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < deadline && leased.stream().anyMatch(l -> l.resolved == null)) {
            try (Connection conn = db.connect()) {
                for (Lease l : leased) {
                    if (l.resolved != null) {
                        continue;
                    }
                    try (PreparedStatement ps = conn.prepareStatement("SELECT "
                            + (l.table.owner() == null ? "NULL" : l.table.owner()) + ", lease_until, CASE WHEN "
                            + l.table.open() + " THEN 1 ELSE 0 END FROM " + l.table.table() + " WHERE "
                            + l.table.key() + " = ?")) {
                        ps.setString(1, l.key);
                        try (ResultSet rs = ps.executeQuery()) {
                            boolean same = rs.next() && rs.getInt(3) == 1
                                    && java.util.Objects.equals(rs.getString(1), l.owner)
                                    && l.until.isEqual(rs.getObject(2, OffsetDateTime.class));
                            if (!same) {
                                l.resolved = Instant.now();
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                load.unexpected.add("watching the leases: " + e);
                return;
            }
            sleep(200);
        }
    }

    // ------------------------------------------------------------------ drained

    private static void awaitDrained(Database db, Load load, Stage stage, JsmStandIn jsm) {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            List<String> open = new ArrayList<>();
            try {
                List<String> requests = new ArrayList<>(load.approved.stream().map(Approved::id).toList());
                requests.addAll(load.jsmApproved);
                long notCompleted = countIn(db, "SELECT COUNT(*) FROM subject_rights_request WHERE state <> 'COMPLETED'"
                        + " AND id IN (%s)", requests);
                long tasks = countIn(db, "SELECT COUNT(*) FROM subject_rights_task WHERE state <> 'DONE'"
                        + " AND request_id IN (%s)", requests);
                long mails = countIn(db, "SELECT COUNT(*) FROM subject_rights_mail WHERE state = 'PENDING'"
                        + " AND request_id IN (%s)", new ArrayList<>(load.filed));
                long deliveries = countIn(db, "SELECT COUNT(*) FROM sharing_delivery d JOIN sharing_notice n ON"
                        + " n.id = d.notice_id JOIN sharing_subprocessor p ON p.id = n.subprocessor_id"
                        + " WHERE d.state <> 'DELIVERED' AND p.name LIKE %s", List.of(PROPOSAL + "%"));
                long propagations = countIn(db, "SELECT COUNT(*) FROM sharing_propagation WHERE sent_at IS NULL"
                        + " AND tenant_id IN (%s)", stage.tenants());
                long tickets = countIn(db, "SELECT COUNT(*) FROM atlassian_ticket WHERE state <> 'FILED' AND"
                        + " desk_id = '" + stage.desk() + "' AND issue_key IN (%s)", new ArrayList<>(load.jsmKeys.keySet()));
                long unapproved = countIn(db, "SELECT COUNT(*) FROM atlassian_ticket WHERE request_id IS NOT NULL"
                        + " AND desk_id = '" + stage.desk() + "' AND issue_key IN (%s)",
                        new ArrayList<>(load.jsmKeys.keySet())) - load.jsmApproved.size();
                long comments = countIn(db, "SELECT COUNT(*) FROM atlassian_ticket_comment c JOIN atlassian_ticket t"
                        + " ON t.id = c.ticket_id WHERE c.state <> 'POSTED' AND t.desk_id = '" + stage.desk() + "'"
                        + " AND t.issue_key IN (%s)", new ArrayList<>(load.jsmKeys.keySet()));
                long cycles = countIn(db, "SELECT COUNT(*) FROM atlassian_reporting WHERE last_cycle_ended_at IS NULL"
                        + " AND tenant_id IN (%s)", new ArrayList<>(load.reported.keySet()));
                long ending = 1 - countIn(db, "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'TENANT' AND"
                        + " status = 'DONE' AND tenant_id IN (%s)", List.of(stage.ending()));
                Map<String, Long> left = new LinkedHashMap<>();
                left.put("requests not completed", notCompleted);
                left.put("tasks", tasks);
                left.put("mails", mails);
                left.put("notice deliveries", deliveries);
                left.put("propagations", propagations);
                left.put("tickets not filed", tickets);
                left.put("tickets not approved", unapproved);
                left.put("comments", comments);
                left.put("reporting cycles", cycles);
                left.put("the ended tenant's erasure", ending);
                left.forEach((k, v) -> {
                    if (v > 0) {
                        open.add(k + " " + v);
                    }
                });
            } catch (RuntimeException e) {
                open.add(e.toString());
            }
            if (open.isEmpty()) {
                return;
            }
            last = String.join(", ", open);
            sleep(500);
        }
        throw new AssertionError("Not drained within " + DRAIN + ": " + last);
    }

    // ------------------------------------------------------------------ checks

    private static SoftAssertions check(Database db, Pair pair, String cId, Load load, Stage stage,
                                        List<Lease> leased, WebhookReceiver receiver, JsmStandIn jsm,
                                        AtlassianStandIn atlassian, Instant kill, Map<String, Integer> cLeases)
            throws Exception {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(load.unexpected).as("answers the load did not expect (any error from A or B, or from C"
                + " before its kill)").isEmpty();
        soft.assertThat(load.ackedAfterKill.getOrDefault("A", new AtomicInteger()).get()).as("A carried on")
                .isPositive();
        soft.assertThat(load.ackedAfterKill.getOrDefault("B", new AtomicInteger()).get()).as("B carried on")
                .isPositive();

        // Nothing acknowledged is lost.
        List<String> subjects = load.subjects.stream().map(Subject::id).toList();
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM identity_subject WHERE id IN (%s)", subjects))
                .as("acknowledged subjects").isEqualTo(subjects.size());
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM consent_event WHERE id IN (%s)", list(load.consents)))
                .as("acknowledged consent events").isEqualTo(load.consents.size());
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM sharing_disclosure WHERE id IN (%s)",
                list(load.disclosures))).as("acknowledged disclosures").isEqualTo(load.disclosures.size());
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM subject_rights_request WHERE id IN (%s)",
                list(load.filed))).as("acknowledged requests").isEqualTo(load.filed.size());
        soft.assertThat(load.subjects.stream().filter(s -> s.at().isBefore(kill)).count())
                .as("acknowledged before the kill").isPositive();

        // Consent decisions across instances.
        soft.assertThat(load.mismatches).as("decisions that missed the write acknowledged just before").isEmpty();
        soft.assertThat(load.decisionRoundsAfterKill.get()).as("decision rounds after the kill").isPositive();

        // The retention sweep: each subject of an erasure request erased once, with one certificate.
        List<String> erased = load.approved.stream().filter(Approved::erasure).map(Approved::subject).toList();
        soft.assertThat(erased).as("erasure requests approved").isNotEmpty();
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'SUBJECT' AND status ="
                + " 'DONE' AND subject_id IN (%s)", erased)).as("one DONE erasure per subject").isEqualTo(erased.size());
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM retention_erasure WHERE subject_id IN (%s)", erased))
                .as("no second erasure of a subject").isEqualTo(erased.size());
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM retention_certificate WHERE erasure_id IN (SELECT id FROM"
                + " retention_erasure WHERE subject_id IN (%s))", erased)).as("one certificate each")
                .isEqualTo(erased.size());
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM platform_audit_entry WHERE action = 'erasure.complete'"
                + " AND target_id IN (SELECT id FROM retention_erasure WHERE subject_id IN (%s))", erased))
                .as("each erasure completed once in the audit log").isEqualTo(erased.size());
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM identity_subject WHERE id IN (%s)", erased))
                .as("erased subjects left").isZero();

        // The ended tenant: each of its subjects erased once, whichever instance claimed it (C's claims taken over).
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'TENANT' AND status = 'DONE'"
                + " AND tenant_id IN (%s)", List.of(stage.ending()))).as("the ended tenant's erasure, done once")
                .isEqualTo(1);
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM retention_erasure WHERE scope = 'SUBJECT' AND status = 'DONE'"
                + " AND subject_id IN (%s)", stage.endingSubjects())).as("one DONE erasure per subject of the tenant")
                .isEqualTo(ENDING_SUBJECTS);
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM retention_erasure WHERE tenant_id IN (%s)",
                List.of(stage.ending()))).as("no erasure of the tenant twice").isEqualTo(ENDING_SUBJECTS + 1);
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM retention_certificate WHERE erasure_id IN (SELECT id FROM"
                + " retention_erasure WHERE tenant_id IN (%s))", List.of(stage.ending()))).as("one certificate each")
                .isEqualTo(ENDING_SUBJECTS + 1);
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM platform_audit_entry WHERE action = 'erasure.complete' AND"
                + " target_id IN (SELECT id FROM retention_erasure WHERE tenant_id IN (%s))", List.of(stage.ending())))
                .as("each of the tenant's erasures completed once in the audit log").isEqualTo(ENDING_SUBJECTS + 1);
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM identity_subject WHERE tenant_id IN (%s)",
                List.of(stage.ending()))).as("the ended tenant's subjects left").isZero();
        System.out.println("ClusterIT: the ended tenant's subjects erased per instance (C is " + cId.substring(0, 8)
                + "): " + groupCountIn(db, "SELECT completed_by, COUNT(*) FROM retention_erasure WHERE tenant_id IN (%s)"
                + " AND scope = 'SUBJECT' GROUP BY completed_by", List.of(stage.ending())).entrySet().stream()
                .map(e -> (e.getKey() == null ? "none" : e.getKey().substring(0, 8)) + "=" + e.getValue()).sorted()
                .toList());

        // Subject-request tasks: each done once (one timeline entry each).
        List<String> requests = new ArrayList<>(load.approved.stream().map(Approved::id).toList());
        requests.addAll(load.jsmApproved);
        long tasks = countIn(db, "SELECT COUNT(*) FROM subject_rights_task WHERE request_id IN (%s)", requests);
        soft.assertThat(tasks).as("tasks").isPositive();
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM subject_rights_task WHERE state = 'DONE' AND request_id IN"
                + " (%s)", requests)).as("tasks done").isEqualTo(tasks);
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM subject_rights_request_event WHERE kind = 'TASK' AND"
                + " request_id IN (%s)", requests)).as("tasks recorded done once each").isEqualTo(tasks);
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM (SELECT request_id, detail FROM subject_rights_request_event"
                + " WHERE kind = 'TASK' AND request_id IN (%s) GROUP BY request_id, detail HAVING COUNT(*) > 1) x",
                requests)).as("a task done twice").isZero();
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM subject_rights_request_event WHERE kind = 'STATE' AND"
                + " state = 'COMPLETED' AND request_id IN (%s)", requests)).as("each request completed once")
                .isEqualTo(requests.size());

        // Request mail: what the SMTP server got, per request, against the mails its timeline records as sent (the
        // mail rows themselves go with an erased subject's request log).
        Map<String, List<Mailbox.Mail>> mail = Mailbox.all().stream()
                .collect(Collectors.groupingBy(m -> m.to().toLowerCase(java.util.Locale.ROOT)));
        Map<String, Long> sent = groupCountIn(db, "SELECT request_id, COUNT(*) FROM subject_rights_request_event WHERE"
                + " kind = 'MAIL_SENT' AND request_id IN (%s) GROUP BY request_id", list(load.filed));
        Map<String, int[]> copies = new LinkedHashMap<>();
        int[] mailCopies = copies.computeIfAbsent("request mail", k -> new int[3]);
        List<String> mailProblems = new ArrayList<>();
        for (Approved a : load.approved) {
            List<Mailbox.Mail> got = mail.getOrDefault(a.email().toLowerCase(java.util.Locale.ROOT), List.of());
            Map<String, List<Instant>> bySubject = got.stream().collect(Collectors.groupingBy(Mailbox.Mail::subject,
                    Collectors.mapping(Mailbox.Mail::at, Collectors.toList())));
            int before = mailCopies[0];
            for (Map.Entry<String, List<Instant>> e : bySubject.entrySet()) {
                String problem = duplicate("mail \"" + e.getKey() + "\" of request " + a.id(), e.getValue(), kill,
                        Duration.ZERO, mailCopies);
                if (problem != null) {
                    mailProblems.add(problem);
                }
            }
            int taken = mailCopies[0] - before;
            if (got.size() - taken != sent.getOrDefault(a.id(), 0L)) {
                mailProblems.add("request " + a.id() + ": " + got.size() + " mails received (" + taken
                        + " taken-over copies), " + sent.getOrDefault(a.id(), 0L) + " sent");
            }
        }
        soft.assertThat(mailProblems).as("request mail sent once each").isEmpty();

        // Notices: one delivery per notice and subscription, each through once.
        List<String> notices = idsIn(db, "SELECT n.id FROM sharing_notice n JOIN sharing_subprocessor p ON p.id ="
                + " n.subprocessor_id WHERE p.name LIKE %s", List.of(PROPOSAL + "%"));
        soft.assertThat(notices.size()).as("a notice per proposal").isGreaterThanOrEqualTo(load.proposed.size());
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM sharing_delivery WHERE state = 'DELIVERED' AND notice_id IN"
                + " (%s)", notices)).as("deliveries done, one per notice and subscription")
                .isEqualTo((long) notices.size() * stage.subscriptions().size());
        List<String> hookDeliveries = idsIn(db, "SELECT d.id FROM sharing_delivery d JOIN sharing_subscription s ON"
                + " s.id = d.subscription_id WHERE s.channel = 'WEBHOOK' AND d.notice_id IN (%s)", notices);
        List<WebhookReceiver.Received> noticeHooks = new ArrayList<>();
        for (String path : NOTICE_HOOKS) {
            noticeHooks.addAll(receiver.requests(path));
        }
        Duration sharingLease = Duration.parse(Pair.LEASES.get("STEWARD_SHARING_LEASE"));
        // A delivery's attempts count its tries with a recorded outcome, the one that got through included.
        Map<String, Long> deliveryFailures = new HashMap<>();
        groupCountIn(db, "SELECT id, attempts FROM sharing_delivery WHERE id IN (%s)", hookDeliveries)
                .forEach((id, attempts) -> deliveryFailures.put(id, attempts - 1));
        soft.assertThat(deliveryProblems("notice webhook", noticeHooks, hookDeliveries, deliveryFailures, kill,
                sharingLease, copies.computeIfAbsent("notice webhooks", k -> new int[3])))
                .as("notice webhooks, once each").isEmpty();
        List<String> noticeMailProblems = new ArrayList<>();
        Set<String> proposedNames = new HashSet<>(idsIn(db, "SELECT name FROM sharing_subprocessor WHERE name LIKE %s",
                List.of(PROPOSAL + "%")));
        for (String email : stage.noticeEmails()) {
            Map<String, List<Instant>> byNotice = mail.getOrDefault(email, List.of()).stream()
                    .collect(Collectors.groupingBy(Mailbox.Mail::subject,
                            Collectors.mapping(Mailbox.Mail::at, Collectors.toList())));
            if (byNotice.size() != notices.size() || !byNotice.keySet().stream().allMatch(
                    s -> proposedNames.stream().anyMatch(s::endsWith))) {
                noticeMailProblems.add(email + " got " + byNotice.keySet() + " for " + proposedNames);
            }
            byNotice.forEach((subject, at) -> {
                String p = duplicate("notice mail " + subject + " to " + email, at, kill, sharingLease,
                        copies.computeIfAbsent("notice mail", k -> new int[3]));
                if (p != null) {
                    noticeMailProblems.add(p);
                }
            });
        }
        soft.assertThat(noticeMailProblems).as("notice mail, once each").isEmpty();

        // Propagations: one RECTIFICATION per corrected subject, each through once.
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM sharing_propagation WHERE kind = 'RECTIFICATION' AND"
                + " sent_at IS NOT NULL AND subject_id IN (%s)", list(load.rectified)))
                .as("a propagation sent per acknowledged correction").isEqualTo(load.rectified.size());
        soft.assertThat(countIn(db, "SELECT COUNT(*) FROM (SELECT cause_ref FROM sharing_propagation WHERE tenant_id IN"
                + " (%s) GROUP BY cause_ref, recipient_id HAVING COUNT(*) > 1) x", stage.tenants()))
                .as("a cause propagated twice to one recipient").isZero();
        List<String> propagations = idsIn(db, "SELECT id FROM sharing_propagation WHERE tenant_id IN (%s)",
                stage.tenants());
        // A propagation's attempts count its failed tries only.
        soft.assertThat(deliveryProblems("propagation webhook", receiver.requests(PROPAGATION_HOOK), propagations,
                groupCountIn(db, "SELECT id, attempts FROM sharing_propagation WHERE id IN (%s)", propagations), kill,
                sharingLease, copies.computeIfAbsent("propagation webhooks", k -> new int[3])))
                .as("propagation webhooks, once each").isEmpty();

        // JSM: each notice of a ticket's request posted once, and the ticket resolved once.
        Duration atlassianLease = Duration.parse(Pair.LEASES.get("STEWARD_ATLASSIAN_LEASE"));
        Map<String, Long> postedByKey = groupCountIn(db, "SELECT t.issue_key, COUNT(*) FROM atlassian_ticket_comment c"
                + " JOIN atlassian_ticket t ON t.id = c.ticket_id WHERE c.state = 'POSTED' AND t.desk_id = '"
                + stage.desk() + "' AND t.issue_key IN (%s) GROUP BY t.issue_key", list(load.jsmKeys.keySet()));
        List<String> jsmProblems = new ArrayList<>();
        int commentsSeen = 0;
        for (String key : load.jsmKeys.keySet()) {
            List<JsmStandIn.Comment> comments = jsm.comments(key);
            commentsSeen += comments.size();
            Map<String, List<Instant>> byText = comments.stream().collect(Collectors.groupingBy(
                    JsmStandIn.Comment::body, LinkedHashMap::new, Collectors.mapping(JsmStandIn.Comment::at,
                            Collectors.toList())));
            for (Map.Entry<String, List<Instant>> e : byText.entrySet()) {
                String p = duplicate(key + " comment \"" + e.getKey().lines().findFirst().orElse("") + "\"",
                        e.getValue(), kill, null, null);
                if (p != null) {
                    jsmProblems.add(p);
                }
            }
            if (byText.size() != postedByKey.getOrDefault(key, 0L)) {
                jsmProblems.add(key + ": " + byText.size() + " distinct comments, " + postedByKey.get(key) + " posted");
            }
            List<String> transitions = jsm.transitionsPosted(key);
            if (transitions.size() > 1 || transitions.stream().anyMatch(t -> !JsmStandIn.RESOLVE.equals(t))) {
                jsmProblems.add(key + ": transitions " + transitions);
            }
        }
        soft.assertThat(load.jsmApproved).as("help-center requests approved").isNotEmpty();
        soft.assertThat(jsmProblems).as("JSM comments and transitions, once each").isEmpty();
        soft.assertThat(jsm.violations()).as("JSM contract").isEmpty();

        // Atlassian reporting: every account due in a cycle reported, once.
        Map<String, List<Instant>> batchesByAccount = new HashMap<>();
        for (AtlassianStandIn.Batch b : atlassian.accepted()) {
            b.accounts().stream().map(AtlassianStandIn.Account::accountId).distinct()
                    .forEach(acc -> batchesByAccount.computeIfAbsent(acc, k -> new ArrayList<>()).add(b.at()));
        }
        List<String> reportProblems = new ArrayList<>();
        int[] reportCopies = copies.computeIfAbsent("Atlassian accounts", k -> new int[3]);
        int due = 0;
        for (Map.Entry<String, List<String>> e : load.reported.entrySet()) {
            for (String account : e.getValue()) {
                due++;
                if (!batchesByAccount.containsKey(account)) {
                    reportProblems.add("account of tenant " + e.getKey() + " never reported");
                }
            }
        }
        for (Map.Entry<String, List<Instant>> e : batchesByAccount.entrySet()) {
            String p = duplicate("account " + e.getKey(), e.getValue(), kill, atlassianLease, reportCopies);
            if (p != null) {
                reportProblems.add(p);
            }
        }
        soft.assertThat(load.reported).as("tenants reporting").hasSize(stage.tenants().size());
        soft.assertThat(reportProblems).as("Atlassian reports, each account once").isEmpty();
        soft.assertThat(atlassian.violations()).as("Atlassian contract").isEmpty();

        // C's leases were taken over within their length, and so was everything else leased at the kill.
        // (A live holder's lease may run out while it works on, and the row is done when it gets there.)
        List<String> leaseProblems = new ArrayList<>();
        for (Lease l : leased) {
            Instant bound = l.until.toInstant().plus(TAKEOVER_SLACK);
            if (l.resolved == null) {
                leaseProblems.add("never done nor taken over: " + l);
            } else if (cId.equals(l.owner) && l.resolved.isAfter(bound)) {
                leaseProblems.add("C's lease not taken over by " + bound + ": " + l);
            }
            if (cId.equals(l.owner) && l.resolved != null && l.resolved.isBefore(l.until.toInstant().minusMillis(500))) {
                leaseProblems.add("C's lease was let go before it ran out, by a dead instance: " + l);
            }
        }
        soft.assertThat(leased.stream().filter(l -> cId.equals(l.owner)).count())
                .as("C held leases of its own when it died (just before: " + cLeases + ")").isPositive();
        soft.assertThat(leaseProblems).as("leases held at the kill").isEmpty();

        // The audit chain: verify seals whatever is pending (the sequenced log), so it comes before the table.
        for (StewardServer s : List.of(pair.a(), pair.b())) {
            Http.Response v = s.http().post("/api/v1/audit/verify", null);
            soft.assertThat(v.status()).as(v.toString()).isEqualTo(200);
            soft.assertThat(v.json().getBoolean("valid")).as("the chain verifies: " + v.body()).isTrue();
        }
        awaitAuditSealed(db);
        try (Connection conn = db.connect()) {
            long count = one(conn, "SELECT COUNT(*) FROM platform_audit_entry");
            long min = one(conn, "SELECT MIN(seq) FROM platform_audit_entry");
            long max = one(conn, "SELECT MAX(seq) FROM platform_audit_entry");
            soft.assertThat(max - min + 1).as("no gap in seq").isEqualTo(count);
            soft.assertThat(one(conn, "SELECT COUNT(DISTINCT seq) FROM platform_audit_entry")).as("no fork")
                    .isEqualTo(count);
            soft.assertThat(one(conn, "SELECT COUNT(DISTINCT prev_hash) FROM platform_audit_entry"))
                    .as("no two entries chained to one predecessor").isEqualTo(count);
        }
        System.out.println("ClusterIT copies made again under the same id (a takeover across the kill / a takeover from"
                + " a holder that stalled past its lease / a retry after a try recorded as failed): " + copies.entrySet()
                .stream().map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1] + "/" + e.getValue()[2])
                .collect(Collectors.joining(", "))
                + "; JSM comments seen " + commentsSeen + ", accounts due " + due);
        return soft;
    }

    /**
     * With the sequenced audit log, entries wait in {@code platform_audit_pending} until the sequencer seals them: the
     * table is checked once none waits. Without that table (the log that chains at append) there is nothing to wait
     * for.
     */
    private static void awaitAuditSealed(Database db) throws Exception {
        try (Connection conn = db.connect()) {
            boolean pending;
            try (ResultSet rs = conn.getMetaData().getTables(null, null, "platform_audit_pending", null)) {
                pending = rs.next();
            }
            if (!pending) {
                return;
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (one(conn, "SELECT COUNT(*) FROM platform_audit_pending") > 0) {
                assertThat(System.nanoTime()).as("audit entries sealed within 30 s").isLessThan(deadline);
                sleep(200);
            }
        }
    }

    /**
     * Copies of one piece of work by arrival: null when it arrived once, or when each further copy is a takeover,
     * else what is wrong. A takeover comes only once the lease of the call before it ran out: its holder died (C) or
     * stalled past its lease without recording the call (on a machine this busy, it happens). Request mail holds no
     * lease while it sends, only its row lock: a copy only of a mail that C was sending when it died. A null lease
     * allows no copy at all (a JSM comment: a takeover looks at the ticket before it posts). {@code copies} counts
     * the takeovers: [0] across the kill, [1] of an instance that stalled.
     */
    static String duplicate(String what, List<Instant> arrivals, Instant kill, Duration lease, int[] copies) {
        if (arrivals.size() <= 1) {
            return null;
        }
        List<Instant> at = arrivals.stream().sorted().toList();
        String problem = what + " arrived " + at.size() + " times, at " + at + " (C was killed at " + kill + ")";
        if (lease == null) {
            return problem;
        }
        if (lease.isZero()) {
            if (at.size() != 2 || !at.get(0).isBefore(kill) || at.get(1).isBefore(kill)) {
                return problem;
            }
            copies[0]++;
            return null;
        }
        for (int i = 1; i < at.size(); i++) {
            if (at.get(i).isBefore(at.get(i - 1).plus(lease).minusSeconds(1))) {
                return problem + ": a copy within the lease of the one before";
            }
        }
        for (int i = 1; i < at.size(); i++) {
            copies[at.get(i - 1).isBefore(kill) && !at.get(i).isBefore(kill) ? 0 : 1]++;
        }
        return null;
    }

    /**
     * Each delivery id arrived, signed, and only once, or again after a try recorded as failed ({@code copies[2]}), or
     * as takeovers ({@code copies[0]} and {@code [1]}, see {@link #duplicate}).
     */
    private static List<String> deliveryProblems(String what, List<WebhookReceiver.Received> got, List<String> ids,
                                                 Map<String, Long> failedTries, Instant kill, Duration lease,
                                                 int[] copies) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Instant>> byId = got.stream().collect(Collectors.groupingBy(
                WebhookReceiver.Received::deliveryId, Collectors.mapping(WebhookReceiver.Received::at,
                        Collectors.toList())));
        for (String id : ids) {
            List<Instant> at = byId.get(id);
            if (at == null) {
                problems.add(what + " " + id + " never arrived");
                continue;
            }
            // A try that the sender recorded as failed (a timeout: the receiver got it, the answer came too late) is
            // retried under the same id; any other copy must be a takeover.
            long retried = Math.min(at.size() - 1, failedTries.getOrDefault(id, 0L));
            if (retried == at.size() - 1) {
                copies[2] += (int) retried;
                continue;
            }
            String p = duplicate(what + " " + id + " (" + retried + " tries recorded as failed)", at, kill, lease,
                    copies);
            if (p != null) {
                problems.add(p);
            }
        }
        Set<String> unknown = new HashSet<>(byId.keySet());
        unknown.removeAll(ids);
        if (!unknown.isEmpty()) {
            problems.add(what + ": deliveries of nothing the load did: " + unknown);
        }
        if (got.stream().anyMatch(r -> !r.signatureValid())) {
            problems.add(what + ": a request without a valid signature");
        }
        return problems;
    }

    // ------------------------------------------------------------------ the figures

    private static void report(Load load, List<Node> nodes, List<Lease> leased, String cId, Instant kill,
                               Duration removed, long startedMs, Instant loadStart, Instant loadEnd, long drainMs,
                               long t0) {
        StringBuilder out = new StringBuilder("ClusterIT: C ready after ").append(startedMs).append(" ms; load ")
                .append(Duration.between(loadStart, loadEnd).toMillis()).append(" ms, C killed after ")
                .append(Duration.between(loadStart, kill).toMillis()).append(" ms; A's grid dropped C after ")
                .append(removed == null ? "?" : removed.toMillis() + " ms").append("; drained in ").append(drainMs)
                .append(" ms; whole test ").append((System.nanoTime() - t0) / 1_000_000).append(" ms\n");
        out.append("  acknowledged: ").append(load.subjects.size()).append(" subjects, ").append(load.consents.size())
                .append(" consent events, ").append(load.disclosures.size()).append(" disclosures, ")
                .append(load.rectified.size()).append(" corrections, ").append(load.filed.size())
                .append(" requests filed (").append(load.approved.size()).append(" approved, ")
                .append(load.approved.stream().filter(Approved::erasure).count()).append(" erasures), ")
                .append(load.proposed.size()).append(" proposals, ").append(load.jsmKeys.size())
                .append(" tickets; after the kill: ").append(load.ackedAfterKill).append("; calls lost with C: ")
                .append(load.lostOnC.get()).append('\n');
        out.append("  decisions: ").append(load.decisionRounds.get()).append(" rounds (")
                .append(load.decisionRoundsAfterKill.get()).append(" after the kill), ")
                .append(load.mismatches.size()).append(" mismatches\n");
        for (Node n : nodes) {
            if (n.isC()) {
                continue;
            }
            out.append("  consent writes on ").append(n.name()).append(": before the kill ")
                    .append(latency(load.consentWrites, n.name(), null, kill)).append("; first 5 s after ")
                    .append(latency(load.consentWrites, n.name(), kill, kill.plusSeconds(5))).append("; later ")
                    .append(latency(load.consentWrites, n.name(), kill.plusSeconds(5), null)).append('\n');
        }
        Map<String, List<Lease>> byTable = leased.stream().collect(Collectors.groupingBy(l -> l.table.table(),
                LinkedHashMap::new, Collectors.toList()));
        out.append("  leased at the kill (per table: leases; C's, and when they were taken over after their lease ran"
                + " out and after the kill; others done only after their lease ran out):\n");
        byTable.forEach((table, ls) -> {
            List<Lease> cs = ls.stream().filter(l -> cId.equals(l.owner) && l.resolved != null).toList();
            long late = ls.stream().filter(l -> !cId.equals(l.owner) && l.resolved != null
                    && !l.resolved.isBefore(l.until.toInstant())).count();
            out.append("    ").append(table).append(": ").append(ls.size()).append("; C's ")
                    .append(ls.stream().filter(l -> cId.equals(l.owner)).count());
            if (!cs.isEmpty()) {
                out.append(", taken over ").append(range(cs.stream().map(l -> Duration.between(l.until.toInstant(),
                        l.resolved).toMillis()).toList())).append(" ms after, ").append(range(cs.stream()
                        .map(l -> Duration.between(kill, l.resolved).toMillis()).toList())).append(" ms after the kill");
            }
            out.append("; others late ").append(late).append('\n');
        });
        System.out.println(out);
    }

    private static String latency(Collection<Timed> writes, String instance, Instant from, Instant to) {
        List<Long> ms = writes.stream().filter(t -> t.instance().equals(instance)
                && (from == null || !t.at().isBefore(from)) && (to == null || t.at().isBefore(to)))
                .map(Timed::millis).sorted().toList();
        if (ms.isEmpty()) {
            return "none";
        }
        return ms.size() + " writes, median " + ms.get(ms.size() / 2) + " ms, p99 "
                + ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.99) - 1)) + " ms, max "
                + ms.get(ms.size() - 1) + " ms";
    }

    private static String range(List<Long> values) {
        return values.stream().min(Comparator.naturalOrder()).orElse(0L) + "–"
                + values.stream().max(Comparator.naturalOrder()).orElse(0L);
    }

    // ------------------------------------------------------------------ helpers

    private static void cleanUp(Http op, Stage stage) {
        op.put("/api/v1/sharing/subprocessors/" + SLACK + "/connector", "{\"connector\":\"MANUAL\",\"dueDays\":30}");
        op.delete("/api/v1/atlassian/service-desks/" + stage.desk());
        stage.subscriptions().forEach((id, tenant) -> op.delete("/api/v1/tenants/" + tenant
                + "/notice-subscriptions/" + id));
        for (String tenant : stage.tenants()) {
            op.delete(reporting(tenant));
        }
    }

    /** Waits until the server's log, from {@code offset} on, holds the text; returns how long that took. */
    private static Duration awaitLog(StewardServer s, long offset, String text, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            byte[] all = Files.readAllBytes(s.log());
            if (new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8).contains(text)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("\"" + text + "\" not in the log within " + timeout + ":\n" + s.logTail());
    }

    /** A webhook secret as shown once ({@code whsec_<base64url>}), as bytes. */
    private static byte[] secret(String display) {
        return java.util.Base64.getUrlDecoder().decode(display.substring("whsec_".length()));
    }

    private static String consents(String tenant, String subject) {
        return "/api/v1/tenants/" + tenant + "/subjects/" + subject + "/consents";
    }

    private static String reporting(String tenant) {
        return "/api/v1/tenants/" + tenant + "/atlassian/reporting";
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private static <T> List<T> list(Collection<T> c) {
        return new ArrayList<>(c);
    }

    /** {@code sql} with its {@code %s} replaced by placeholders for {@code ids} (0 rows for none), counted. */
    private static long countIn(Database db, String sql, List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection conn = db.connect(); PreparedStatement ps = in(conn, sql, ids); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static List<String> idsIn(Database db, String sql, List<String> ids) {
        List<String> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection conn = db.connect(); PreparedStatement ps = in(conn, sql, ids); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return out;
    }

    private static Map<String, Long> groupCountIn(Database db, String sql, List<String> ids) {
        Map<String, Long> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection conn = db.connect(); PreparedStatement ps = in(conn, sql, ids); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return out;
    }

    private static PreparedStatement in(Connection conn, String sql, List<String> ids) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql.formatted(String.join(", ",
                java.util.Collections.nCopies(ids.size(), "?"))));
        for (int i = 0; i < ids.size(); i++) {
            ps.setString(i + 1, ids.get(i));
        }
        return ps;
    }

    private static long one(Connection conn, String sql) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
