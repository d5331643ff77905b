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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.StewardServer;
import org.steward.it.support.Tables;

/** The consent module end to end over HTTP: purposes, notices, receipts, GPC, devices, ROPA, import, unsubscribe. */
class ConsentIT {

    static final StewardServer SERVER = StewardServer.shared();
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
        assertThat(sale.getBoolean("saleOrSharing")).isTrue();
        assertThat(sale.getBoolean("optOutAllowed")).isTrue();
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
    void inAppAnalyticsAndDoNotSellAreOrdinaryOptOuts() {
        for (String p : List.of("in-app-analytics", "sale-or-sharing")) {
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
    void gpcIsRecordedOnceAsAnOptOutOfSaleOrSharingAndOtherValuesAreIgnored() throws Exception {
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
                + "' AND source = 'GPC' AND purpose_key = 'sale-or-sharing' AND action = 'OPT_OUT'")).isEqualTo(1);
        JsonObject sale = again.json().getJsonArray("choices").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("purpose").equals("sale-or-sharing")).findFirst().orElseThrow();
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
        assertThat(drip.getString("recipients")).isEqualTo("not yet recorded");
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
}
