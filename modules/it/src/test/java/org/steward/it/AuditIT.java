package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.it.support.Tables;
import org.steward.platform.security.api.Role;

/**
 * The audit log on a server that no other test writes to while these run ({@link StewardServer#quiet()}), because
 * they count the whole chain and tamper with its database: entries carry the right actor, target, outcome and
 * correlation id and no personal data; refusals and denials are recorded; concurrent appends keep one contiguous
 * chain; and verify names the entry where edits, deletions and reorderings break the chain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditIT {

    private static final String AUDIT = "/api/v1/audit";

    private static StewardServer server;
    private static Http http;
    private static JsonObject me;

    @BeforeAll
    static void start() {
        server = StewardServer.quiet();
        http = server.http();
        Http.Response r = http.get("/api/v1/me");
        me = r.status() == 200 ? r.json() : null;
    }

    // ---------------------------------------------------------------- what an entry says

    @Test
    @Order(1)
    void everyChangeAndEveryReadOfPersonalDataIsRecordedWithIdsOnly() throws Exception {
        String u = Fixtures.unique();
        String email = "Audit.Person." + u + "@Example.com";
        String tenantName = "Audit Tenant " + u;

        Http.Response tenant = http.post("/api/v1/tenants", """
                {"name":"%s","siteUrl":"https://audit%s.atlassian.net","hostingMode":"CLOUD",
                 "licence":{"key":"SEN-%s","expiresOn":"2099-12-31"}}""".formatted(tenantName, u, u));
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
        String t = tenant.json().getString("id");
        assertEntry(tenant, "tenant.register", "tenant", t);

        Http.Response subject = http.post(subjects(t), "{\"email\":\"" + email + "\",\"username\":\"audit_" + u
                + "\",\"displayName\":\"Ada Lovelace " + u + "\"}");
        assertThat(subject.status()).as(subject.toString()).isEqualTo(201);
        String s = subject.json().getString("id");
        assertEntry(subject, "subject.register", "subject", s);

        assertEntry(ok(http.get(subjects(t) + "/" + s)), "subject.read", "subject", s);
        assertEntry(ok(http.get(subjects(t) + "?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))),
                "subject.list", "tenant", t);
        assertEntry(ok(http.patch(subjects(t) + "/" + s, "{\"displayName\":\"Ada King " + u + "\"}")),
                "subject.rectify", "subject", s);
        Http.Response contact = http.post(subjects(t) + "/" + s + "/contacts", """
                {"name":"Ada %s","email":"%s","message":"Please call me back, %s","obtainedAt":"2025-01-01T00:00:00Z"}"""
                .formatted(u, email, u));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        String record = contact.json().getString("id");
        assertEntry(contact, "record.contact.add", "record", record);
        assertEntry(ok(http.get(subjects(t) + "/" + s + "/contacts")), "record.contact.list", "subject", s);
        assertEntry(ok(http.get(subjects(t) + "/" + s + "/contacts/" + record)), "record.contact.read", "record",
                record);
        assertEntry(ok(http.get("/api/v1/tenants/" + t)), "tenant.read", "tenant", t);
        assertEntry(ok(http.put("/api/v1/tenants/" + t, "{\"name\":\"" + tenantName + " 2\",\"siteUrl\":"
                + "\"https://audit" + u + ".atlassian.net\"}")), "tenant.update", "tenant", t);

        String stored = auditTablesAsText();
        for (String personal : List.of(email, email.toLowerCase(), "audit_" + u, "Ada Lovelace", "Ada King",
                "Please call me back", tenantName)) {
            assertThat(stored.toLowerCase()).as("the audit tables hold no personal value").doesNotContain(
                    personal.toLowerCase());
        }
        assertValid();
    }

    @Test
    @Order(2)
    void aRefusedChangeLeavesOnlyAFailureEntry() throws Exception {
        String t = Fixtures.tenant(http, "CLOUD");
        String email = "taken-" + Fixtures.unique() + "@example.com";
        assertThat(http.post(subjects(t), "{\"email\":\"" + email + "\"}").status()).isEqualTo(201);
        long subjectsBefore = count("SELECT COUNT(*) FROM identity_subject");

        // The insert reaches the database and fails there: the transaction rolls back, its audit entry with it.
        Http.Response duplicate = http.post(subjects(t), "{\"email\":\"" + email + "\"}");
        problem(duplicate, 409, "conflict");
        List<JsonObject> entries = byCorrelation(duplicate);
        assertThat(entries).hasSize(1);
        JsonObject e = entries.get(0);
        assertThat(e.getString("action")).isEqualTo("subject.register");
        assertThat(e.getString("outcome")).isEqualTo("FAILURE");
        assertThat(e.containsKey("targetId")).isFalse();
        assertActor(e);
        assertThat(count("SELECT COUNT(*) FROM identity_subject")).isEqualTo(subjectsBefore);

        // Refused before the method runs (bean validation): recorded all the same, ids only.
        Http.Response invalid = http.patch(subjects(t) + "/00000000-0000-7000-8000-000000000000",
                "{\"email\":\"not an email\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(byCorrelation(invalid)).singleElement().satisfies(x -> {
            assertThat(x.getString("action")).isEqualTo("subject.rectify");
            assertThat(x.getString("outcome")).isEqualTo("FAILURE");
            assertThat(x.getString("targetId")).isEqualTo("00000000-0000-7000-8000-000000000000");
        });

        // A path segment that is no id (here an email address) is never written to the log.
        Http.Response byEmail = http.get(subjects(t) + "/" + email);
        assertThat(byEmail.status()).isEqualTo(404);
        assertThat(byCorrelation(byEmail)).singleElement().satisfies(x -> {
            assertThat(x.getString("action")).isEqualTo("subject.read");
            assertThat(x.getString("outcome")).isEqualTo("FAILURE");
            assertThat(x.containsKey("targetId")).isFalse();
        });
        assertThat(auditTablesAsText()).doesNotContain(email);
        assertValid();
    }

    @Test
    @Order(3)
    void deniedRequestsAreRecordedByEndpoint() {
        Http.Response anonymous = server.anonymous().get(AUDIT + "?actor=x");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(byCorrelation(anonymous)).singleElement().satisfies(e -> {
            assertThat(e.getString("action")).isEqualTo("access.denied");
            assertThat(e.getString("targetType")).isEqualTo("endpoint");
            assertThat(e.getString("targetId")).isEqualTo("GET /api/v1/audit");
            assertThat(e.getString("outcome")).isEqualTo("DENIED");
            assertThat(e.getString("actorKind")).isEqualTo("ANONYMOUS");
        });

        Http agent = server.as(null, "SUPPORT_AGENT");
        String t = Fixtures.tenant(http, "CLOUD");
        Http.Response forbidden = agent.put("/api/v1/tenants/" + t, "{\"name\":\"x\",\"siteUrl\":\"https://x.example\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        String agentId = agent.get("/api/v1/me").json().getString("id");
        assertThat(byCorrelation(forbidden)).singleElement().satisfies(e -> {
            assertThat(e.getString("action")).isEqualTo("access.denied");
            assertThat(e.getString("targetId")).isEqualTo("PUT /api/v1/tenants/{tenantId}");
            assertThat(e.getString("outcome")).isEqualTo("DENIED");
            assertThat(e.getString("actor")).isEqualTo(agentId);
            assertThat(e.getString("role")).isEqualTo("SUPPORT_AGENT");
        });
        assertValid();
    }

    // ---------------------------------------------------------------- the list endpoint

    @Test
    @Order(4)
    void listsPageByPageAndFilters() throws Exception {
        String tenantId = Fixtures.tenant(http, "CLOUD");
        ok(http.get("/api/v1/tenants/" + tenantId));
        long total = count("SELECT COUNT(*) FROM platform_audit_entry");
        List<JsonObject> all = list(AUDIT + "?limit=3");
        assertThat(all).hasSize((int) total);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).getJsonNumber("seq").longValue()).isEqualTo(i + 1);
        }

        JsonObject first = all.get(0);
        String at = first.getString("at");
        OffsetDateTime t0 = OffsetDateTime.parse(at);
        assertThat(list(AUDIT + "?to=" + enc(t0.toString()))).isEmpty();
        assertThat(list(AUDIT + "?from=" + enc(t0.toString()) + "&to=" + enc(t0.plusNanos(1000).toString())))
                .extracting(e -> e.getString("at")).allMatch(a -> OffsetDateTime.parse(a).isEqual(t0));
        assertThat(list(AUDIT + "?from=" + enc(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString())))
                .isEmpty();
        assertThat(list(AUDIT + "?action=tenant.register"))
                .allMatch(e -> e.getString("action").equals("tenant.register")).isNotEmpty();
        assertThat(list(AUDIT + "?targetType=tenant&targetId=" + tenantId)).extracting(e -> e.getString("action"))
                .containsExactly("tenant.register", "tenant.read");
        String actor = first.getString("actor");
        assertThat(list(AUDIT + "?actor=" + enc(actor))).allMatch(e -> e.getString("actor").equals(actor));

        problem(http.get(AUDIT + "?from=yesterday"), 400, "validation", "from");
        problem(http.get(AUDIT + "?to=2025-13-01T00:00:00Z"), 400, "validation", "to");
        problem(http.get(AUDIT + "?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z"), 400, "validation", "to");
        problem(http.get(AUDIT + "?limit=0"), 400, "validation", "limit");
        problem(http.get(AUDIT + "?cursor=bm9wZQ"), 400, "validation", "cursor");
        problem(http.get(AUDIT + "?actor=" + "a".repeat(300)), 400, "validation", "actor");
    }

    @Test
    @Order(4)
    void isDocumentedUnderItsOwnTag() {
        JsonObject api = ok(http.get("/openapi?format=json")).json();
        JsonObject paths = api.getJsonObject("paths");
        JsonObject list = paths.getJsonObject(AUDIT).getJsonObject("get");
        JsonObject verify = paths.getJsonObject(AUDIT + "/verify").getJsonObject("post");
        assertThat(list.getString("operationId")).isEqualTo("listAuditEntries");
        assertThat(verify.getString("operationId")).isEqualTo("verifyAuditChain");
        for (JsonObject op : List.of(list, verify)) {
            assertThat(op.getJsonArray("tags").getString(0)).isEqualTo("audit");
            assertThat(op.getString("summary")).isNotBlank();
        }
        assertThat(api.getJsonArray("tags")).extracting(t -> t.asJsonObject().getString("name")).contains("audit");
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    @Order(5)
    void concurrentAppendsKeepOneContiguousChain() throws Exception {
        long before = count("SELECT COUNT(*) FROM platform_audit_entry");
        int threads = 8;
        int writes = 25;
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tenants.add(Fixtures.tenant(http, "CLOUD"));
        }
        long start = count("SELECT COUNT(*) FROM platform_audit_entry");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (String t : tenants) {
                done.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < writes; i++) {
                        Http.Response r = http.put("/api/v1/tenants/" + t, "{\"name\":\"Concurrent " + i
                                + "\",\"siteUrl\":\"https://c.example\"}");
                        assertThat(r.status()).as(r.toString()).isEqualTo(200);
                        ok++;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(writes);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(before).isLessThan(start);
        assertThat(count("SELECT COUNT(*) FROM platform_audit_entry")).isEqualTo(start + threads * writes);
        assertThat(count("SELECT COUNT(*) FROM platform_audit_entry WHERE action = 'tenant.update'"
                + " AND outcome = 'SUCCESS' AND target_id IN ('" + String.join("','", tenants) + "')"))
                .isEqualTo(threads * writes);
        long max = count("SELECT MAX(seq) FROM platform_audit_entry");
        assertThat(count("SELECT MIN(seq) FROM platform_audit_entry")).isEqualTo(1);
        assertThat(count("SELECT COUNT(DISTINCT seq) FROM platform_audit_entry")).isEqualTo(max);
        assertThat(count("SELECT last_seq FROM platform_audit_head")).isEqualTo(max);
        // Nothing read the log meanwhile (reads seal on demand): the background sequencer sealed each entry
        // within the bound that docs/architecture.md states.
        assertThat(longestSealingDelay(tenants)).isPositive().isLessThanOrEqualTo(SEAL_BOUND);
        JsonObject v = assertValid();
        assertThat(v.getJsonNumber("checked").longValue()).isEqualTo(max);
    }

    /** The stated bound between an entry's acceptance and its sealing, at the default seal period (0.2 s). */
    private static final Duration SEAL_BOUND = Duration.ofSeconds(2);

    private static Duration longestSealingDelay(List<String> targets) throws SQLException {
        Duration longest = Duration.ZERO;
        try (Connection c = server.database().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT occurred_at, sealed_at FROM platform_audit_entry WHERE target_id IN ('"
                     + String.join("','", targets) + "')")) {
            while (rs.next()) {
                OffsetDateTime sealed = rs.getObject(2, OffsetDateTime.class);
                assertThat(sealed).as("sealed_at").isNotNull();
                Duration d = Duration.between(rs.getObject(1, OffsetDateTime.class), sealed);
                if (d.compareTo(longest) > 0) {
                    longest = d;
                }
            }
        }
        return longest;
    }

    // ---------------------------------------------------------------- tampering

    @Test
    @Order(6)
    void verifyNamesAnEditedEntry() throws Exception {
        long m = middleSeq();
        Map<String, Object> original = row(m);
        exec("UPDATE platform_audit_entry SET actor = 'someone-else' WHERE seq = " + m);

        assertBroken(m, "hash does not match");

        exec("UPDATE platform_audit_entry SET actor = '" + original.get("actor") + "' WHERE seq = " + m);
        assertValid();
    }

    @Test
    @Order(7)
    void verifyNamesADeletedMiddleEntry() throws Exception {
        long m = middleSeq();
        Map<String, Object> original = row(m);
        exec("DELETE FROM platform_audit_entry WHERE seq = " + m);

        assertBroken(m, "missing");

        insert(original);
        assertValid();
    }

    @Test
    @Order(8)
    void verifyNamesReorderedEntries() throws Exception {
        long a = middleSeq();
        long b = a + 2;
        swap(a, b);

        assertBroken(a, "prev_hash does not match");

        swap(a, b);
        assertValid();
    }

    @Test
    @Order(9)
    void verifyNamesEntriesCutOffTheEnd() throws Exception {
        long last = count("SELECT MAX(seq) FROM platform_audit_entry");
        Map<String, Object> secondLast = row(last - 1);
        Map<String, Object> lastRow = row(last);
        exec("DELETE FROM platform_audit_entry WHERE seq >= " + (last - 1));

        JsonObject broken = assertBroken(last - 1, "missing");
        assertThat(broken.getString("reason")).contains("head");

        insert(secondLast);
        insert(lastRow);
        assertValid();
    }

    // ---------------------------------------------------------------- helpers

    private static String subjects(String tenantId) {
        return "/api/v1/tenants/" + tenantId + "/subjects";
    }

    private static Http.Response ok(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    /** Exactly one entry carries the response's correlation id, and it says what we expect. */
    private static void assertEntry(Http.Response r, String action, String targetType, String targetId) {
        List<JsonObject> entries = byCorrelation(r);
        assertThat(entries).as("entries of %s %s", action, r.header("X-Correlation-Id")).hasSize(1);
        JsonObject e = entries.get(0);
        assertThat(e.getString("action")).isEqualTo(action);
        assertThat(e.getString("targetType")).isEqualTo(targetType);
        assertThat(e.getString("targetId")).isEqualTo(targetId);
        assertThat(e.getString("outcome")).isEqualTo("SUCCESS");
        assertThat(e.getString("correlationId")).isEqualTo(r.header("X-Correlation-Id"));
        assertThat(e.getString("hash")).matches("[0-9a-f]{64}");
        assertActor(e);
    }

    /** The actor is the caller as the server sees it (GET /api/v1/me), recorded by id with its highest role. */
    private static void assertActor(JsonObject e) {
        assertThat(e.getString("actor")).isNotBlank();
        if (me == null) {
            return;
        }
        assertThat(e.getString("actor")).isEqualTo(me.getString("id"));
        assertThat(e.getString("actorKind")).isEqualTo(me.getString("kind"));
        List<String> roles = me.getJsonArray("roles").getValuesAs(JsonValue::toString).stream()
                .map(s -> s.replace("\"", "")).toList();
        String highest = Arrays.stream(Role.values()).map(Role::name).filter(roles::contains).findFirst()
                .orElse("NONE");
        assertThat(e.getString("role")).isEqualTo(highest);
    }

    private static List<JsonObject> byCorrelation(Http.Response r) {
        String correlation = r.header("X-Correlation-Id");
        assertThat(correlation).isNotBlank();
        return list(AUDIT).stream().filter(e -> correlation.equals(e.getString("correlationId", null))).toList();
    }

    /** Every entry the query matches, following the cursor. */
    private static List<JsonObject> list(String query) {
        List<JsonObject> out = new ArrayList<>();
        String next = query;
        while (next != null) {
            Http.Response r = http.get(next);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonObject page = r.json();
            page.getJsonArray("items").forEach(v -> out.add(v.asJsonObject()));
            String cursor = page.getString("nextCursor", null);
            next = cursor == null ? null : query + (query.contains("?") ? "&" : "?") + "cursor=" + cursor;
        }
        return out;
    }

    private static JsonObject verify() {
        Http.Response r = http.post(AUDIT + "/verify", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonObject assertValid() {
        JsonObject v = verify();
        assertThat(v.getBoolean("valid")).as(v.toString()).isTrue();
        assertThat(v.containsKey("firstBroken")).isFalse();
        return v;
    }

    private static JsonObject assertBroken(long seq, String reason) {
        JsonObject v = verify();
        assertThat(v.getBoolean("valid")).as(v.toString()).isFalse();
        JsonObject broken = v.getJsonObject("firstBroken");
        assertThat(broken.getJsonNumber("seq").longValue()).as(v.toString()).isEqualTo(seq);
        assertThat(broken.getString("reason")).startsWith(reason);
        assertThat(v.getJsonNumber("checked").longValue()).isEqualTo(seq - 1);
        return broken;
    }

    private static long middleSeq() throws SQLException {
        long max = count("SELECT MAX(seq) FROM platform_audit_entry");
        assertThat(max).isGreaterThan(5);
        return max / 2;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = server.database().connect()) {
            return Tables.count(c, sql);
        }
    }

    private static void exec(String... sql) throws SQLException {
        try (Connection c = server.database().connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.executeUpdate(q);
            }
        }
    }

    private static String auditTablesAsText() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = server.database().connect(); Statement s = c.createStatement()) {
            for (String table : List.of("platform_audit_entry", "platform_audit_head")) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            out.append(rs.getString(i)).append('\t');
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** One stored row, column by column, the time read with its offset so that it goes back unchanged. */
    private static Map<String, Object> row(long seq) throws SQLException {
        try (Connection c = server.database().connect();
             PreparedStatement p = c.prepareStatement("SELECT * FROM platform_audit_entry WHERE seq = ?")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String name = rs.getMetaData().getColumnName(i).toLowerCase();
                    out.put(name, name.equals("occurred_at") || name.equals("sealed_at") ? rs.getObject(i, OffsetDateTime.class)
                            : rs.getObject(i));
                }
                return out;
            }
        }
    }

    private static void insert(Map<String, Object> row) throws SQLException {
        String sql = "INSERT INTO platform_audit_entry (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", row.keySet().stream().map(k -> "?").toList()) + ")";
        try (Connection c = server.database().connect(); PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            for (Object v : row.values()) {
                p.setObject(i++, v);
            }
            p.executeUpdate();
        }
    }

    /** Swaps the seq numbers of two rows: each keeps its content and hashes but sits at the other's place. */
    private static void swap(long a, long b) throws SQLException {
        exec("UPDATE platform_audit_entry SET seq = -1 WHERE seq = " + a,
                "UPDATE platform_audit_entry SET seq = " + a + " WHERE seq = " + b,
                "UPDATE platform_audit_entry SET seq = " + b + " WHERE seq = -1");
    }
}
