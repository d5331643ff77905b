package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;

/**
 * Every operation of the OpenAPI document × every role, plus anonymous. The table below is the access policy; an
 * operation missing from it fails the test, so a new endpoint cannot ship without a decision about who may call it.
 * Allowed: the request passes authorization (neither 401 nor 403, never 5xx; reads answer 200). Denied: 403.
 * Anonymous: 401, except on the few public operations ({@link #publicRule}), which anyone may call. Runs on the
 * sweeping server ({@link StewardServer#sweeping()}): the allowed calls that change state touch only the matrix's own
 * fixtures (revoke its key, release its second hold, flag its held subject as a minor, restrict it and lift that) or
 * start a blind-index rotation, which keeps every lookup working; the master key, configured there, is not rotated
 * (409).
 */
class AuthorizationMatrixIT {

    enum R { ADMIN, PRIVACY_OFFICER, SUPPORT_AGENT, AUDITOR, SERVICE }

    private static final Set<R> ALL = EnumSet.allOf(R.class);
    private static final Set<R> READERS = EnumSet.of(R.PRIVACY_OFFICER, R.SUPPORT_AGENT, R.AUDITOR, R.SERVICE);
    private static final Set<R> WRITERS = EnumSet.of(R.PRIVACY_OFFICER, R.SERVICE);
    private static final Set<R> SECRET_READERS = EnumSet.of(R.PRIVACY_OFFICER, R.AUDITOR, R.SERVICE);
    private static final Set<R> TENANT_ADMINS = EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER);
    private static final Set<R> ADMIN = EnumSet.of(R.ADMIN);
    private static final Set<R> ADMIN_AUDITOR = EnumSet.of(R.ADMIN, R.AUDITOR);

    /** The access policy: "METHOD path" → the roles that may call it. */
    private static final Map<String, Set<R>> POLICY = new LinkedHashMap<>();
    /** Query parameters that an operation needs to answer 200 ({name} placeholders as in paths). */
    private static final Map<String, String> QUERY = new LinkedHashMap<>();
    /** Operations for data subjects and the public: no credentials needed, and any staff role passes too. */
    private static final Set<String> PUBLIC = new TreeSet<>();
    /** Public reads that answer 200 only with a token the matrix cannot hold for every role (single use). */
    private static final Set<String> TOKEN_GATED = new TreeSet<>();
    /** Operations called on a fixture of their own, because they remove it (a disconnected service desk). */
    private static final Map<String, String> FIXED_PATHS = new java.util.HashMap<>();

    static {
        String t = "/api/v1/tenants";
        String s = t + "/{tenantId}/subjects";
        String one = s + "/{subjectId}";
        rule("POST " + t, TENANT_ADMINS);
        rule("GET " + t, EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER, R.SUPPORT_AGENT, R.AUDITOR));
        rule("GET " + t + "/{tenantId}", ALL);
        rule("PUT " + t + "/{tenantId}", TENANT_ADMINS);
        rule("PUT " + t + "/{tenantId}/licence", TENANT_ADMINS);
        rule("POST " + t + "/{tenantId}/licence/termination", TENANT_ADMINS);
        rule("GET " + t + "/{tenantId}/licence/history", EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER, R.AUDITOR));
        rule("POST " + s, WRITERS);
        rule("GET " + s, READERS);
        rule("POST " + s + "/search", READERS);
        rule("GET " + one, READERS);
        rule("PATCH " + one, WRITERS);
        rule("POST " + one + "/minor", WRITERS);
        for (String kind : List.of("contacts", "feedback", "drip-activity")) {
            rule("POST " + one + "/" + kind, WRITERS);
            rule("GET " + one + "/" + kind, READERS);
            rule("GET " + one + "/" + kind + "/{recordId}", READERS);
            rule("PUT " + one + "/" + kind + "/{recordId}", WRITERS);
        }
        for (String kind : List.of("connections", "sync-profiles")) {
            rule("POST " + one + "/" + kind, WRITERS);
            rule("GET " + one + "/" + kind, SECRET_READERS);
            rule("GET " + one + "/" + kind + "/{recordId}", SECRET_READERS);
            rule("PUT " + one + "/" + kind + "/{recordId}", WRITERS);
        }
        rule("POST /api/v1/users", ADMIN);
        rule("GET /api/v1/users", ADMIN_AUDITOR);
        rule("GET /api/v1/users/{userId}", ADMIN_AUDITOR);
        rule("PATCH /api/v1/users/{userId}", ADMIN);
        rule("POST /api/v1/api-keys", ADMIN);
        rule("GET /api/v1/api-keys", ADMIN_AUDITOR);
        rule("GET /api/v1/api-keys/{keyId}", ADMIN_AUDITOR);
        rule("POST /api/v1/api-keys/{keyId}/revocation", ADMIN);
        rule("GET /api/v1/me", ALL);
        // Console sessions: anyone may try to sign in (a 400 without a body); signing out needs a caller.
        publicRule("POST /api/v1/session");
        rule("DELETE /api/v1/session", ALL);
        rule("GET /api/v1/audit", ADMIN_AUDITOR);
        rule("POST /api/v1/audit/verify", ADMIN_AUDITOR);
        rule("GET /api/v1/audit/verifications", ADMIN_AUDITOR);
        rule("GET /api/v1/admin/keys", ADMIN);
        rule("POST /api/v1/admin/keys/master/rotation", ADMIN);
        rule("POST /api/v1/admin/keys/blind-index/rotation", ADMIN);
        String c = "/api/v1/consent";
        rule("GET " + c + "/purposes", ALL);
        rule("POST " + c + "/purposes", TENANT_ADMINS);
        rule("GET " + c + "/purposes/{purposeKey}", ALL);
        rule("GET " + c + "/purposes/{purposeKey}/notices", ALL);
        rule("PUT " + c + "/purposes/{purposeKey}/notices/{language}", TENANT_ADMINS);
        rule("GET " + c + "/data-categories", ALL);
        rule("POST " + c + "/data-categories", TENANT_ADMINS);
        // Edits and retirement (issue 10, item 9): "{}" edits nothing and a retirement without a reason is a 400.
        rule("PATCH " + c + "/purposes/{purposeKey}", TENANT_ADMINS);
        rule("POST " + c + "/purposes/{purposeKey}/retirement", TENANT_ADMINS);
        rule("PATCH " + c + "/data-categories/{categoryKey}", TENANT_ADMINS);
        rule("POST " + c + "/data-categories/{categoryKey}/retirement", TENANT_ADMINS);
        rule("GET /api/v1/inventory/ropa", EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER, R.AUDITOR));
        rule("GET " + c + "/rates", EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER, R.AUDITOR));
        query("GET " + c + "/rates", "?purpose=drip-emails");
        rule("POST " + one + "/consents", WRITERS);
        rule("GET " + one + "/consents", READERS);
        rule("GET " + one + "/consents/history", READERS);
        rule("GET " + one + "/consents/receipts/{receiptId}", READERS);
        rule("POST " + one + "/consents/unsubscribe-links", EnumSet.of(R.PRIVACY_OFFICER, R.SUPPORT_AGENT, R.SERVICE));
        rule("POST " + t + "/{tenantId}/consent-imports", WRITERS);
        rule("GET " + c + "/decision", READERS);
        query("GET " + c + "/decision", "?subject={subjectId}&purpose=drip-emails");
        rule("GET " + c + "/decisions", READERS);
        query("GET " + c + "/decisions", "?subject={subjectId}&purpose=drip-emails&purpose=web-analytics");
        rule("POST " + one + "/restriction", EnumSet.of(R.PRIVACY_OFFICER));
        rule("GET " + one + "/restriction", EnumSet.of(R.PRIVACY_OFFICER, R.SUPPORT_AGENT, R.AUDITOR));
        rule("DELETE " + one + "/restriction", EnumSet.of(R.PRIVACY_OFFICER));
        rule("GET /api/v1/ping", ALL);
        rule("POST /api/v1/ping", ALL);
        Set<R> retentionReaders = EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER, R.AUDITOR);
        rule("POST " + one + "/erasure", WRITERS);
        rule("POST /api/v1/devices/{deviceId}/erasure", EnumSet.of(R.PRIVACY_OFFICER));
        rule("GET " + one + "/purpose-ends", READERS);
        rule("PUT " + one + "/purpose-ends/{purposeKey}", WRITERS);
        rule("DELETE " + one + "/purpose-ends/{purposeKey}", WRITERS);
        rule("GET /api/v1/erasures", retentionReaders);
        rule("GET /api/v1/erasures/{erasureId}", retentionReaders);
        rule("GET /api/v1/erasures/{erasureId}/certificate", retentionReaders);
        rule("POST /api/v1/erasures/certificates/verification", retentionReaders);
        rule("GET /api/v1/retention/policies", retentionReaders);
        rule("GET /api/v1/retention/policies/{categoryKey}", retentionReaders);
        rule("PUT /api/v1/retention/policies/{categoryKey}", TENANT_ADMINS);
        rule("POST /api/v1/retention/holds", TENANT_ADMINS);
        rule("GET /api/v1/retention/holds", retentionReaders);
        rule("GET /api/v1/retention/holds/{holdId}", retentionReaders);
        rule("POST /api/v1/retention/holds/{holdId}/release", TENANT_ADMINS);
        rule("GET /api/v1/retention/sweeps", retentionReaders);
        rule("GET /api/v1/policy-map", EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER, R.AUDITOR));
        publicRule("GET /api/v1/public/erasure-signing-keys");
        String q = "/api/v1/requests";
        Set<R> requestReaders = EnumSet.of(R.PRIVACY_OFFICER, R.SUPPORT_AGENT, R.ADMIN, R.AUDITOR);
        Set<R> officer = EnumSet.of(R.PRIVACY_OFFICER);
        publicRule("POST " + q);
        rule("GET " + q, requestReaders);
        rule("GET " + q + "/{id}", requestReaders);
        rule("GET " + q + "/{id}/timeline", requestReaders);
        rule("GET " + q + "/watchdog", requestReaders);
        rule("GET " + q + "/metrics", EnumSet.of(R.PRIVACY_OFFICER, R.ADMIN, R.AUDITOR));
        query("GET " + q + "/metrics", "?year=2026");
        rule("POST " + q + "/{id}/approval", officer);
        rule("POST " + q + "/{id}/denial", officer);
        rule("POST " + q + "/{id}/extension", officer);
        rule("POST " + q + "/{id}/completion", officer);
        rule("POST " + q + "/{id}/tasks/{taskId}/retry", officer);
        rule("POST " + q + "/{id}/acknowledgement", EnumSet.of(R.PRIVACY_OFFICER, R.SUPPORT_AGENT));
        publicRule("POST " + q + "/{id}/cancellation");
        publicRule("POST " + q + "/{id}/verification");
        publicRule("POST " + q + "/{id}/verification/code");
        publicRule("GET " + q + "/{id}/status");
        publicRule("GET " + q + "/{id}/export");
        TOKEN_GATED.add("GET " + q + "/{id}/status");
        TOKEN_GATED.add("GET " + q + "/{id}/export");
        // A staff copy of a completed export: the matrix's request is not completed, so the officer gets a 404.
        rule("GET " + q + "/{id}/export/archive", EnumSet.of(R.PRIVACY_OFFICER));
        TOKEN_GATED.add("GET " + q + "/{id}/export/archive");
        publicRule("GET /api/v1/public/consent/devices/{deviceId}");
        publicRule("POST /api/v1/public/consent/devices/{deviceId}");
        publicRule("POST /api/v1/public/consent/receipts/verification");
        publicRule("GET /api/v1/public/consent/receipt-keys");
        publicRule("GET /api/v1/public/consent/purposes");
        publicRule("GET /api/v1/public/privacy-notice");
        publicRule("GET /api/v1/public/unsubscribe/{token}");
        publicRule("POST /api/v1/public/unsubscribe/{token}");
        // Sharing: the register is public; staff keep it; client apps report disclosures and subscribe their tenant.
        Set<R> registrars = EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER);
        Set<R> registerReaders = EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER, R.AUDITOR);
        Set<R> tenantSide = EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER, R.SERVICE);
        publicRule("GET /api/v1/subprocessors");
        publicRule("GET /api/v1/subprocessors/{subprocessorId}");
        publicRule("GET /api/v1/subprocessors/changes");
        publicRule("GET /api/v1/subprocessors/changes.atom");
        String sp = "/api/v1/sharing/subprocessors";
        rule("GET " + sp, registerReaders);
        rule("POST " + sp, registrars);
        rule("GET " + sp + "/{subprocessorId}", registerReaders);
        rule("PATCH " + sp + "/{subprocessorId}", registrars);
        rule("POST " + sp + "/{subprocessorId}/retirement", registrars);
        rule("PUT " + sp + "/{subprocessorId}/connector", registrars);
        String n = "/api/v1/sharing/notices";
        rule("GET " + n, registerReaders);
        rule("GET " + n + "/{noticeId}", EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER, R.AUDITOR, R.SERVICE));
        rule("POST " + n + "/{noticeId}/objections", tenantSide);
        rule("GET " + n + "/{noticeId}/objections", registerReaders);
        rule("GET " + n + "/{noticeId}/deliveries", registerReaders);
        // A subscription's address is a person's (the tenant's privacy contact): not for ADMIN.
        Set<R> subscribers = EnumSet.of(R.PRIVACY_OFFICER, R.SERVICE);
        rule("POST " + t + "/{tenantId}/notice-subscriptions", subscribers);
        rule("GET " + t + "/{tenantId}/notice-subscriptions", subscribers);
        rule("DELETE " + t + "/{tenantId}/notice-subscriptions/{subscriptionId}", subscribers);
        Set<R> reporters = EnumSet.of(R.SERVICE, R.PRIVACY_OFFICER);
        rule("POST /api/v1/disclosures", reporters);
        rule("POST /api/v1/disclosures/batch", reporters);
        rule("POST /api/v1/disclosures/check", reporters);
        rule("GET /api/v1/disclosures", EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER, R.AUDITOR, R.SERVICE));
        String pr = "/api/v1/sharing/propagations";
        rule("GET " + pr, registerReaders);
        rule("GET " + pr + "/{propagationId}", registerReaders);
        rule("POST " + pr + "/{propagationId}/confirmation", EnumSet.of(R.PRIVACY_OFFICER));
        rule("POST " + pr + "/{propagationId}/waiver", EnumSet.of(R.PRIVACY_OFFICER));
        publicRule("POST /api/v1/public/sharing/propagations/{propagationId}/callback");
        publicRule("POST /api/v1/public/sharing/opendsr/callback");

        Set<R> atlassianReaders = EnumSet.of(R.ADMIN, R.PRIVACY_OFFICER, R.AUDITOR);
        String rep = t + "/{tenantId}/atlassian/reporting";
        rule("PUT " + rep, TENANT_ADMINS);
        rule("GET " + rep, atlassianReaders);
        rule("DELETE " + rep, TENANT_ADMINS);
        String sd = "/api/v1/atlassian/service-desks";
        rule("POST " + sd, TENANT_ADMINS);
        rule("GET " + sd, atlassianReaders);
        rule("GET " + sd + "/{deskId}", atlassianReaders);
        rule("PUT " + sd + "/{deskId}", TENANT_ADMINS);
        rule("DELETE " + sd + "/{deskId}", TENANT_ADMINS);
        rule("POST " + sd + "/{deskId}/webhook-secret", TENANT_ADMINS);
        rule("GET " + sd + "/{deskId}/tickets", atlassianReaders);
        publicRule("POST /api/v1/public/atlassian/service-desks/{deskId}/webhook");
    }

    private static void rule(String operation, Set<R> roles) {
        POLICY.put(operation, roles);
    }

    private static void query(String operation, String query) {
        QUERY.put(operation, query);
    }

    private static void publicRule(String operation) {
        PUBLIC.add(operation);
        POLICY.put(operation, ALL);
    }

    private static StewardServer server;
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static final Map<R, Http> clients = new LinkedHashMap<>();
    private static List<String[]> operations;

    @BeforeAll
    static void start() {
        server = StewardServer.sweeping();
        Http op = server.http();
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        String base = "/api/v1/tenants/" + tenant + "/subjects/" + subject;
        ids.put("tenantId", tenant);
        ids.put("subjectId", subject);
        ids.put("contacts", created(op.post(base + "/contacts", "{\"name\":\"M\",\"email\":\"m@example.com\"}")));
        ids.put("feedback", created(op.post(base + "/feedback", "{\"text\":\"fine\"}")));
        ids.put("drip-activity", created(op.post(base + "/drip-activity",
                "{\"sequence\":\"onboarding-v2\",\"step\":1,\"event\":\"SENT\"}")));
        ids.put("connections", created(op.post(base + "/connections",
                "{\"siteUrl\":\"https://m.example\",\"userEmail\":\"m@example.com\",\"personalAccessToken\":\"t\"}")));
        ids.put("sync-profiles", created(op.post(base + "/sync-profiles", "{\"name\":\"p\"}")));
        ids.put("userId", created(server.admin().post("/api/v1/users", "{\"username\":\"matrix-user\","
                + "\"password\":\"matrix-password-1\",\"roles\":[\"AUDITOR\"]}")));
        ids.put("purposeKey", "drip-emails");
        ids.put("language", "en");
        ids.put("deviceId", "matrix-device-000001");
        Http.Response link = op.post(base + "/consents/unsubscribe-links", "{\"purpose\":\"drip-emails\"}");
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        ids.put("token", link.json().getString("token"));
        Http.Response recorded = op.post(base + "/consents", "{\"purpose\":\"drip-emails\",\"action\":\"OPT_OUT\"}");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        ids.put("receiptId", recorded.json().getJsonObject("receipt").getString("receiptId"));
        // Retention: a completed erasure (of a second subject) with its certificate, a hold, a policy.
        String erased = Fixtures.subject(op, tenant);
        Http.Response erasure = op.post("/api/v1/tenants/" + tenant + "/subjects/" + erased + "/erasure",
                "{\"reference\":\"MATRIX-1\"}");
        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(202);
        ids.put("erasureId", erasure.json().getString("id"));
        ids.put("categoryKey", "feedback");
        ids.put("id", accepted(server.anonymous().post("/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":"
                + "\"GDPR\",\"subject\":{\"email\":\"matrix-" + Fixtures.unique() + "@example.com\"}}")));
        ids.put("taskId", java.util.UUID.randomUUID().toString());
        // A hold that the matrix never releases keeps the fixture subject from automatic erasure (POST .../minor
        // flags it as a minor); {holdId} is a second hold, on another subject, that the matrix may release.
        String hold = "{\"scope\":\"SUBJECT\",\"tenantId\":\"" + tenant + "\",\"reason\":\"matrix\",\"owner\":\"Legal\","
                + "\"endsAt\":\"" + java.time.OffsetDateTime.now().plusDays(1) + "\",\"subjectId\":\"";
        created(op.post("/api/v1/retention/holds", hold + subject + "\"}"));
        ids.put("holdId", created(op.post("/api/v1/retention/holds", hold + Fixtures.subject(op, tenant) + "\"}")));
        for (int i = 0; i < 120 && op.get("/api/v1/erasures/" + ids.get("erasureId") + "/certificate").status() != 200;
             i++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Sharing: a seeded subprocessor, a notice (a proposal), a subscription, and a manual propagation task (a
        // disclosure to AWS of a subject that is then restricted).
        ids.put("subprocessorId", "5b0a6f0e-0001-4a8e-9c1e-000000000001");
        String proposed = created(op.post("/api/v1/sharing/subprocessors", "{\"name\":\"Matrix Processor "
                + Fixtures.unique() + "\",\"category\":\"SUPPORT\",\"purpose\":\"p\",\"dataCategories\":"
                + "[\"contact\"],\"countries\":[\"DE\"],\"transferMechanism\":\"NONE_REQUIRED\"}"));
        ids.put("noticeId", op.get("/api/v1/sharing/notices?limit=200").json().getJsonArray("items").stream()
                .map(jakarta.json.JsonObject.class::cast).filter(x -> x.getString("subprocessorId").equals(proposed))
                .findFirst().orElseThrow().getString("id"));
        ids.put("subscriptionId", created(op.post("/api/v1/tenants/" + tenant + "/notice-subscriptions",
                "{\"channel\":\"EMAIL\",\"email\":\"dpo@matrix.example\"}")));
        String shared = Fixtures.subject(op, tenant);
        created(op.post("/api/v1/disclosures", "{\"clientId\":\"matrix-1\",\"tenantId\":\"" + tenant
                + "\",\"subjectId\":\"" + shared + "\",\"recipient\":\"AWS\",\"categories\":[\"contact\"],"
                + "\"purpose\":\"app-provision\"}"));
        assertThat(op.post(base.replace(subject, shared) + "/restriction", "{}").status()).isIn(200, 201);
        ids.put("propagationId", op.get("/api/v1/sharing/propagations?recipient=AWS&state=SENT&limit=200").json()
                .getJsonArray("items").stream().map(jakarta.json.JsonObject.class::cast)
                .filter(x -> shared.equals(x.getString("subjectId", null))).findFirst().orElseThrow().getString("id"));
        // Atlassian: the tenant's reporting (paused: the matrix has no Atlassian to call), and two service desks
        // without a poll: the matrix disconnects the second, so that the first stays for the other operations.
        assertThat(op.put("/api/v1/tenants/" + tenant + "/atlassian/reporting",
                "{\"mode\":\"OAUTH\",\"accessToken\":\"matrix-token\",\"enabled\":false}").status()).isEqualTo(200);
        String desk = "{\"name\":\"Matrix desk\",\"siteUrl\":\"https://matrix.atlassian.example\","
                + "\"serviceDeskId\":\"1\",\"auth\":\"BEARER\",\"accessToken\":\"t\",\"requestTypes\":"
                + "{\"1\":\"ERASURE\"},\"poll\":false}";
        ids.put("deskId", created(op.post("/api/v1/atlassian/service-desks", desk)));
        FIXED_PATHS.put("DELETE /api/v1/atlassian/service-desks/{deskId}", "/api/v1/atlassian/service-desks/"
                + created(op.post("/api/v1/atlassian/service-desks", desk)));
        ids.put("keyId", created(server.admin().post("/api/v1/api-keys",
                "{\"name\":\"matrix\",\"roles\":[\"SERVICE\"],\"tenantId\":\"" + tenant + "\"}")));
        for (R role : R.values()) {
            clients.put(role, server.as(role == R.SERVICE ? tenant : null, role.name()));
        }
        OpenAPI api = new OpenAPIV3Parser().readContents(op.get("/openapi?format=json").body(), null, null)
                .getOpenAPI();
        operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, o) ->
                operations.add(new String[]{method.name(), path})));
    }

    @Test
    void everyOperationHasARule() {
        Set<String> missing = new TreeSet<>();
        for (String[] o : operations) {
            if (!POLICY.containsKey(o[0] + " " + o[1])) {
                missing.add(o[0] + " " + o[1]);
            }
        }
        assertThat(missing).as("operations without an access rule in AuthorizationMatrixIT.POLICY").isEmpty();
        Set<String> documented = new TreeSet<>();
        operations.forEach(o -> documented.add(o[0] + " " + o[1]));
        assertThat(documented).as("rules for operations the server does not have").containsAll(POLICY.keySet());
    }

    @Test
    void everyRoleGetsWhatThePolicySays() {
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (String[] o : operations) {
            String method = o[0];
            String path = FIXED_PATHS.containsKey(method + " " + o[1]) ? FIXED_PATHS.get(method + " " + o[1])
                    : concrete(o[1]) + concrete(QUERY.getOrDefault(method + " " + o[1], ""));
            Set<R> allowed = POLICY.getOrDefault(method + " " + o[1], Set.of());
            Http.Response anonymous = call(server.anonymous(), method, path);
            cases++;
            boolean open = PUBLIC.contains(method + " " + o[1]);
            int expectedAnonymous = anonymous.status();
            if (open ? (expectedAnonymous == 401 || expectedAnonymous == 403 || expectedAnonymous >= 500)
                    : expectedAnonymous != 401) {
                wrong.add("anonymous " + method + " " + o[1] + " → " + anonymous);
            }
            for (R role : R.values()) {
                Http.Response r = call(clients.get(role), method, path);
                cases++;
                int st = r.status();
                if (allowed.contains(role)) {
                    boolean gated = TOKEN_GATED.contains(method + " " + o[1]) && st != 401 && st != 403 && st < 500;
                    if (!passes(method, st) && !gated) {
                        wrong.add(role + " " + method + " " + o[1] + " should pass → " + r);
                    }
                } else if (st != 403) {
                    wrong.add(role + " " + method + " " + o[1] + " should be 403 → " + st);
                }
            }
        }
        System.out.println("Authorization matrix: " + operations.size() + " operations × (" + R.values().length
                + " roles + anonymous) = " + cases + " cases");
        writePolicyTable(cases);
        assertThat(wrong).isEmpty();
        assertThat(cases).isEqualTo(operations.size() * (R.values().length + 1));
    }

    /**
     * Data minimisation: an auditor sees ids, categories, times and counts, never a decrypted personal value. The
     * same reads by a privacy officer carry the values, so the fixtures do hold them.
     */
    @Test
    void auditorsSeeIdsTimesAndCountsButNoPersonalValue() {
        String base = "/api/v1/tenants/" + ids.get("tenantId") + "/subjects";
        String one = base + "/" + ids.get("subjectId");
        List<String> reads = new ArrayList<>(List.of(base, one));
        for (String kind : List.of("contacts", "feedback", "drip-activity", "connections", "sync-profiles")) {
            reads.add(one + "/" + kind);
            reads.add(one + "/" + kind + "/" + ids.get(kind));
        }
        String officer = String.join("\n", reads.stream().map(p -> clients.get(R.PRIVACY_OFFICER).get(p).body())
                .toList());
        assertThat(officer).contains("@example.com", "m.example", "onboarding-v2", "fine");
        for (String path : reads) {
            Http.Response r = clients.get(R.AUDITOR).get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain("@example.com").doesNotContain("m.example")
                    .doesNotContain("onboarding-v2").doesNotContain("\"fine\"").doesNotContain("\"M\"")
                    .doesNotContain("\"p\"").contains(ids.get("subjectId"));
        }
        Http.Response subject = clients.get(R.AUDITOR).get(one);
        assertThat(subject.json().getString("id")).isEqualTo(ids.get("subjectId"));
        assertThat(subject.json().getString("createdAt")).isNotBlank();
        assertThat(subject.json().containsKey("email")).isFalse();
        Http.Response contacts = clients.get(R.AUDITOR).get(one + "/contacts");
        assertThat(contacts.json().getJsonArray("items")).hasSize(1);
        assertThat(contacts.json().getJsonArray("items").getJsonObject(0).getString("obtainedAt")).isNotBlank();
    }

    /** Passed authorization: neither 401 nor 403, never 5xx; a read answers 200. */
    private static boolean passes(String method, int status) {
        return status != 401 && status != 403 && status < 500 && (!"GET".equals(method) || status == 200);
    }

    /** The policy as a Markdown table in target/, for the docs and for review. */
    private static void writePolicyTable(int cases) {
        StringBuilder md = new StringBuilder("| operation | roles |\n|---|---|\n");
        new java.util.TreeMap<>(POLICY).forEach((op, roles) -> md.append("| `").append(op).append("` | ")
                .append(PUBLIC.contains(op) ? "public (no credentials)" : roles.size() == R.values().length
                        ? "all roles" : roles.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", ")))
                .append(" |\n"));
        md.append("\n").append(POLICY.size()).append(" operations, ").append(cases).append(" cases.\n");
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "authorization-matrix.md"), md);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Http.Response call(Http http, String method, String path) {
        return switch (method) {
            case "GET" -> http.get(path);
            case "DELETE" -> http.delete(path);
            // An empty object: enough to pass authorization, too little to change anything that matters.
            default -> http.send(method, path, "application/json", "{}");
        };
    }

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private static String concrete(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = ids.get(name);
            if ("recordId".equals(name)) {
                String before = template.substring(0, m.start() - 1);
                value = ids.get(before.substring(before.lastIndexOf('/') + 1));
            }
            assertThat(value).as("a fixture for path parameter " + name + " in " + template).isNotNull();
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String accepted(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().getString("id");
    }

    private static String created(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().getString("id");
    }
}
