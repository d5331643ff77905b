package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.Mailbox;
import org.steward.it.support.OpenDsrProcessor;
import org.steward.it.support.StewardServer;
import org.steward.it.support.TestingClock;
import org.steward.it.support.WebhookReceiver;
import org.w3c.dom.Document;

/**
 * The sharing module end to end over HTTP, on the server with the testing clock (objection windows are 30 days, so
 * the tests move time past them and put it back): the public register and its feeds, change notices with their
 * objection windows and their delivery to subscribers (a real webhook receiver and the test SMTP server), the
 * disclosure ledger with its refusals, the access export's and the ROPA's recipients, and the propagation of an
 * erasure to a webhook recipient, an OpenDSR processor (a real one started here) and a manual one.
 */
class SharingIT {

    private static StewardServer server;
    private static Http op;
    private static Http anonymous;
    private static TestingClock clock;
    private static WebhookReceiver receiver;
    private static OpenDsrProcessor processor;

    @BeforeAll
    static void start() {
        server = StewardServer.clocked();
        op = server.http();
        anonymous = server.anonymous();
        clock = new TestingClock(server);
        receiver = new WebhookReceiver();
        processor = new OpenDsrProcessor("opendsr.processor.test");
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        processor.close();
    }

    // ------------------------------------------------------------------ the register

    @Test
    void theRegisterIsPublicWithThePolicysNineAndItsChangesAreAFeed() throws Exception {
        Http.Response list = anonymous.get("/api/v1/subprocessors");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> names = list.jsonArray().stream().map(v -> ((JsonObject) v).getString("name")).toList();
        assertThat(names).contains("AWS", "Google Cloud", "Atlassian Cloud", "Slack", "Salesforce", "monday.com",
                "Atlassian Jira Service Management", "Google Analytics 4", "LinkedIn Ads");
        JsonObject ga4 = byName(list, "Google Analytics 4");
        assertThat(ga4.getString("category")).isEqualTo("MARKETING_ANALYTICS");
        assertThat(ga4.getJsonArray("dataCategories").toString()).contains("website-visitor");
        assertThat(ga4.getString("transferMechanism")).isEqualTo("STANDARD_CONTRACTUAL_CLAUSES");
        assertThat(ga4.get("connector")).as("the public never sees a connector").isIn(null, JsonValue.NULL);

        String name = "Feed Recipient " + Fixtures.unique();
        propose(name, "PRODUCTIVITY", "contact");
        Http.Response changes = anonymous.get("/api/v1/subprocessors/changes?limit=5");
        assertThat(changes.status()).isEqualTo(200);
        JsonObject latest = changes.json().getJsonArray("items").getJsonObject(0);
        assertThat(latest.getString("kind")).isEqualTo("ADDED");
        assertThat(latest.getString("subprocessorName")).isEqualTo(name);
        assertThat(latest.getString("objectionUntil")).isNotBlank();
        assertThat(latest.get("objections")).as("objection counts are staff's").isIn(null, JsonValue.NULL);

        Http.Response atom = anonymous.get("/api/v1/subprocessors/changes.atom");
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document feed = f.newDocumentBuilder().parse(new ByteArrayInputStream(atom.body()
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isPositive();
        assertThat(atom.body()).contains("Proposed subprocessor: " + name).contains(StewardServer.PUBLIC_URL);
    }

    @Test
    void aNewSubprocessorWaitsForItsObjectionWindowAndEverySubscriberIsToldOnce() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String path = "/notices-" + Fixtures.unique();
        Http.Response hook = op.post("/api/v1/tenants/" + tenant + "/notice-subscriptions",
                "{\"channel\":\"WEBHOOK\",\"url\":\"" + receiver.uri(path) + "\"}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        String secret = hook.json().getString("secret");
        assertThat(secret).startsWith("whsec_");
        receiver.expectSecret(path, secret(secret));
        receiver.failNext(path, 2, 503);
        String address = "dpo-" + Fixtures.unique() + "@tenant.example";
        Http.Response mail = op.post("/api/v1/tenants/" + tenant + "/notice-subscriptions",
                "{\"channel\":\"EMAIL\",\"email\":\"" + address + "\"}");
        assertThat(mail.status()).as(mail.toString()).isEqualTo(201);
        assertThat(op.get("/api/v1/tenants/" + tenant + "/notice-subscriptions").body()).doesNotContain("whsec_");

        String name = "Window Recipient " + Fixtures.unique();
        JsonObject proposed = propose(name, "SUPPORT", "contact");
        assertThat(proposed.getString("status")).isEqualTo("PROPOSED");
        String id = proposed.getString("id");
        String tenantOfDisclosures = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenantOfDisclosures);
        problem(op.post("/api/v1/disclosures", disclosure("w-" + Fixtures.unique(), tenantOfDisclosures, subject, id,
                "contact", "communication-support")), 422, "disclosure-refused", "recipient");

        JsonObject notice = latestNotice(id);
        assertThat(notice.getString("kind")).isEqualTo("ADDED");
        String noticeId = notice.getString("id");

        // The webhook answers 503 twice, then 200: three tries of one delivery, and nothing after it.
        List<WebhookReceiver.Received> got = receiver.awaitRequests(path, 3, Duration.ofSeconds(30));
        assertThat(got).hasSize(3);
        assertThat(got).allMatch(WebhookReceiver.Received::signatureValid);
        assertThat(receiver.distinctDeliveryIds(path)).hasSize(1);
        assertThat(got.get(2).body()).contains(noticeId).contains("\"kind\":\"ADDED\"").contains(name);
        Mailbox.Mail told = Mailbox.await(address, m -> m.subject().contains(name), 1, Duration.ofSeconds(20));
        assertThat(told.text()).contains("You may object until").contains(noticeId);
        awaitDelivered(noticeId, 2);
        sleep(3000);
        assertThat(receiver.requests(path)).as("delivered once: no more tries").hasSize(3);
        assertThat(Mailbox.to(address)).hasSize(1);

        Http.Response objected = op.post("/api/v1/sharing/notices/" + noticeId + "/objections",
                "{\"tenantId\":\"" + tenant + "\",\"reason\":\"Our customers are in the EU only\"}");
        assertThat(objected.status()).as(objected.toString()).isEqualTo(201);
        assertThat(op.post("/api/v1/sharing/notices/" + noticeId + "/objections", "{\"tenantId\":\"" + tenant
                + "\",\"reason\":\"again\"}").json().getString("id")).isEqualTo(objected.json().getString("id"));
        Http.Response objections = op.get("/api/v1/sharing/notices/" + noticeId + "/objections");
        assertThat(objections.jsonArray()).hasSize(1);
        assertThat(objections.jsonArray().getJsonObject(0).getString("reason")).isEqualTo("Our customers are in the EU only");
        assertThat(op.get("/api/v1/sharing/notices/" + noticeId).json().getInt("objections")).isEqualTo(1);

        clock.advance("P31D");
        awaitStatus(id, "ACTIVE");
        problem(op.post("/api/v1/sharing/notices/" + noticeId + "/objections", "{\"tenantId\":\"" + tenant
                + "\",\"reason\":\"too late\"}"), 409, "conflict", "noticeId");
        Http.Response allowed = op.post("/api/v1/disclosures", disclosure("w-" + Fixtures.unique(), tenantOfDisclosures,
                subject, id, "contact", "communication-support"));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);
    }

    @Test
    void wideningTheDataWaitsForItsWindowWhileNarrowingAppliesAtOnce() {
        String id = activeRecipient("Widening Recipient " + Fixtures.unique(), "PRODUCTIVITY", "contact");
        Http.Response widened = op.patch("/api/v1/sharing/subprocessors/" + id,
                "{\"dataCategories\":[\"contact\",\"feedback\"]}");
        assertThat(widened.status()).as(widened.toString()).isEqualTo(200);
        assertThat(widened.json().getJsonArray("dataCategories").toString()).isEqualTo("[\"contact\"]");
        assertThat(widened.json().getJsonArray("pendingCategories").toString()).isEqualTo("[\"contact\",\"feedback\"]");
        assertThat(latestNotice(id).getString("kind")).isEqualTo("WIDENED");
        problem(op.patch("/api/v1/sharing/subprocessors/" + id, "{\"dataCategories\":[\"contact\",\"feedback\","
                + "\"welcome-email\"]}"), 409, "conflict", "dataCategories");
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        problem(op.post("/api/v1/disclosures", disclosure("n-" + Fixtures.unique(), tenant, subject, id, "feedback",
                "communication-support")), 422, "disclosure-refused", "categories[0]");
        clock.advance("P31D");
        awaitCategories(id, "[\"contact\",\"feedback\"]");
        Http.Response narrowed = op.patch("/api/v1/sharing/subprocessors/" + id, "{\"dataCategories\":[\"feedback\"]}");
        assertThat(narrowed.json().getJsonArray("dataCategories").toString()).isEqualTo("[\"feedback\"]");
        assertThat(latestNotice(id).getString("kind")).isEqualTo("CHANGED");
        problem(op.post("/api/v1/sharing/notices/" + latestNotice(id).getString("id") + "/objections",
                "{\"tenantId\":\"" + tenant + "\",\"reason\":\"no\"}"), 409, "conflict", "noticeId");

        Http.Response retired = op.post("/api/v1/sharing/subprocessors/" + id + "/retirement",
                "{\"reason\":\"Contract ended\"}");
        assertThat(retired.json().getString("status")).isEqualTo("RETIRED");
        problem(op.post("/api/v1/disclosures", disclosure("n-" + Fixtures.unique(), tenant, subject, id, "feedback",
                "communication-support")), 422, "disclosure-refused", "recipient");
        assertThat(anonymous.get("/api/v1/subprocessors").body()).doesNotContain(id);
    }

    @Test
    void badRegisterInputIsAProblemThatNamesTheFieldAndWritesNothing() {
        String name = "Duplicate Recipient " + Fixtures.unique();
        propose(name, "SUPPORT", "contact");
        problem(op.post("/api/v1/sharing/subprocessors", body(" " + name.toUpperCase() + " ", "SUPPORT", "contact")),
                409, "conflict", "name");
        problem(op.post("/api/v1/sharing/subprocessors", body("X " + Fixtures.unique(), "SUPPORT", "no-such-category")),
                400, "validation", "dataCategories[0]");
        problem(op.post("/api/v1/sharing/subprocessors", body("X " + Fixtures.unique(), "ADVERTISING", "contact")),
                400, "validation", "category");
        problem(op.post("/api/v1/sharing/subprocessors", "{\"name\":\"X " + Fixtures.unique() + "\",\"category\":"
                + "\"SUPPORT\",\"purpose\":\"p\",\"dataCategories\":[\"contact\"],\"countries\":[\"XX\"],"
                + "\"transferMechanism\":\"ADEQUACY_DECISION\"}"), 400, "validation", "countries[0]");
        String id = activeRecipient("Connector Recipient " + Fixtures.unique(), "SUPPORT", "contact");
        problem(op.put("/api/v1/sharing/subprocessors/" + id + "/connector", "{\"connector\":\"OPENDSR\",\"url\":\""
                + processor.baseUri() + "\"}"), 400, "validation", "certificatePem");
        problem(op.put("/api/v1/sharing/subprocessors/" + id + "/connector", "{\"connector\":\"WEBHOOK\",\"url\":"
                + "\"ftp://example.com/hook\"}"), 400, "validation", "url");
        problem(op.put("/api/v1/sharing/subprocessors/" + id + "/connector", "{\"connector\":\"WEBHOOK\",\"url\":"
                + "\"https://user:pw@example.com/hook\"}"), 400, "validation", "url");
        problem(op.get("/api/v1/sharing/subprocessors?status=GONE"), 400, "validation", "status");
        problem(op.get("/api/v1/sharing/subprocessors/" + java.util.UUID.randomUUID()), 404, "not-found",
                "subprocessorId");
        assertThat(op.get("/api/v1/sharing/subprocessors").body()).doesNotContain("no-such-category");
    }

    @Test
    void aPlainHttpOrPrivateWebhookIsRefusedUnlessTheOperatorAllowsIt() {
        Http shared = StewardServer.shared().http();
        String tenant = Fixtures.tenant(shared, "CLOUD");
        problem(shared.post("/api/v1/tenants/" + tenant + "/notice-subscriptions", "{\"channel\":\"WEBHOOK\","
                + "\"url\":\"http://hooks.example/steward\"}"), 400, "validation", "url");
        problem(shared.put("/api/v1/sharing/subprocessors/5b0a6f0e-0004-4a8e-9c1e-000000000004/connector",
                "{\"connector\":\"WEBHOOK\",\"url\":\"http://hooks.example/steward\"}"), 400, "validation", "url");
        assertThat(shared.get("/api/v1/sharing/subprocessors/5b0a6f0e-0004-4a8e-9c1e-000000000004").json()
                .getJsonObject("connector").getString("type")).isEqualTo("MANUAL");
        // Nor does Steward call into its own network (server-side request forgery) without the operator's setting.
        JsonObject own = problem(shared.post("/api/v1/tenants/" + tenant + "/notice-subscriptions",
                "{\"channel\":\"WEBHOOK\",\"url\":\"https://127.0.0.1:8443/admin\"}"), 400, "validation", "url");
        assertThat(own.getString("detail")).contains("private");
        problem(shared.put("/api/v1/sharing/subprocessors/5b0a6f0e-0004-4a8e-9c1e-000000000004/connector",
                "{\"connector\":\"WEBHOOK\",\"url\":\"https://169.254.169.254/latest/meta-data\"}"), 400,
                "validation", "url");
        problem(shared.post("/api/v1/tenants/" + tenant + "/notice-subscriptions", "{\"channel\":\"EMAIL\","
                + "\"email\":\"not an address\"}"), 400, "validation", "email");
        problem(shared.post("/api/v1/tenants/" + tenant + "/notice-subscriptions", "{\"channel\":\"EMAIL\"}"),
                400, "validation", "email");
        assertThat(shared.get("/api/v1/tenants/" + tenant + "/notice-subscriptions").jsonArray()).isEmpty();
    }

    // ------------------------------------------------------------------ the ledger

    @Test
    void disclosuresAreCheckedRecordedIdempotentlyAndABadBatchIsRefusedWhole() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        Http service = server.as(tenant, "SERVICE");
        String client = "d-" + Fixtures.unique();
        String one = disclosure(client, tenant, subject, "AWS", "contact", "app-provision");
        Http.Response check = service.post("/api/v1/disclosures/check", one);
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        assertThat(check.json().getBoolean("allowed")).isTrue();
        assertThat(check.json().getString("legalBasis")).isEqualTo("CONTRACT");
        assertThat(ledger(tenant, subject)).as("a check records nothing").isEmpty();

        Http.Response recorded = service.post("/api/v1/disclosures", one);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().getString("recipientName")).isEqualTo("AWS");
        assertThat(recorded.json().getBoolean("replayed")).isFalse();
        Http.Response again = service.post("/api/v1/disclosures", one);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getBoolean("replayed")).isTrue();
        assertThat(again.json().getString("id")).isEqualTo(recorded.json().getString("id"));
        problem(service.post("/api/v1/disclosures", disclosure(client, tenant, subject, "AWS", "feedback",
                "app-provision")), 409, "conflict", "clientId");
        assertThat(ledger(tenant, subject)).hasSize(1);

        // Never a sale, whoever the recipient; the check gives the same answer and both are audited.
        String sale = disclosure("d-" + Fixtures.unique(), tenant, subject, "Salesforce", "website-visitor",
                "sale-or-sharing");
        problem(service.post("/api/v1/disclosures/check", sale), 422, "sale-prohibited", "purpose");
        problem(service.post("/api/v1/disclosures", sale), 422, "sale-prohibited", "purpose");
        problem(service.post("/api/v1/disclosures", disclosure("d-" + Fixtures.unique(), tenant, subject,
                "Acme Data Brokers", "contact", "app-provision")), 422, "disclosure-refused", "recipient");
        problem(service.post("/api/v1/disclosures", disclosure("d-" + Fixtures.unique(), tenant, subject, "Slack",
                "connection-details", "app-provision")), 422, "disclosure-refused", "categories[0]");
        problem(service.post("/api/v1/disclosures", disclosure("d-" + Fixtures.unique(), tenant, subject, "Slack",
                "contact", "no-such-purpose")), 400, "validation", "purpose");
        assertThat(audited("sharing.disclosure.record", "DENIED", "FAILURE")).isGreaterThanOrEqualTo(3);
        assertThat(audited("sharing.disclosure.check", "DENIED", "FAILURE")).isGreaterThanOrEqualTo(1);

        String batch = "{\"items\":[" + disclosure("b1-" + Fixtures.unique(), tenant, subject, "Slack", "contact",
                "communication-support") + "," + disclosure("b2-" + Fixtures.unique(), tenant, subject, "Nobody Inc",
                "contact", "communication-support") + "," + disclosure("b3-" + Fixtures.unique(), tenant, subject,
                "monday.com", "sync-configuration", "communication-support") + "]}";
        JsonObject refused = problem(service.post("/api/v1/disclosures/batch", batch), 422, "disclosure-refused",
                "items[1].recipient", "items[2].categories[0]");
        assertThat(ProblemAssert.fields(refused)).doesNotContain("items[0].recipient");
        assertThat(ledger(tenant, subject)).as("nothing of a refused batch is recorded").hasSize(1);
        String good = "{\"items\":[" + disclosure("g1-" + Fixtures.unique(), tenant, subject, "Slack", "contact",
                "communication-support") + "," + disclosure("g2-" + Fixtures.unique(), tenant, null, "AWS",
                "contact", "app-provision") + "]}";
        Http.Response batched = service.post("/api/v1/disclosures/batch", good);
        assertThat(batched.status()).as(batched.toString()).isEqualTo(200);
        assertThat(batched.json().getJsonArray("items")).hasSize(2);
        assertThat(ledger(tenant, subject)).hasSize(2);
        problem(service.post("/api/v1/disclosures/batch", "{\"items\":[]}"), 400, "validation", "items");
        // Nothing of a tenant whose licence ended is disclosed (policy §10).
        String ended = Fixtures.tenant(op, "CLOUD");
        assertThat(op.post("/api/v1/tenants/" + ended + "/licence/termination", "{\"acknowledgeErasure\":true}")
                .status()).isEqualTo(200);
        problem(op.post("/api/v1/disclosures", disclosure("d-" + Fixtures.unique(), ended, null, "AWS", "contact",
                "app-provision")), 422, "licence-ended", "tenantId");
        problem(service.post("/api/v1/disclosures", disclosure("d-" + Fixtures.unique(), Fixtures.tenant(op, "CLOUD"),
                null, "AWS", "contact", "app-provision")), 403, "forbidden");
    }

    @Test
    void aMarketingOrAnalyticsRecipientGetsOnlyWhatTheSubjectsChoicesAllow() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        String consents = "/api/v1/tenants/" + tenant + "/subjects/" + subject + "/consents";
        // GDPR: analytics needs consent.
        JsonObject none = problem(op.post("/api/v1/disclosures/check", disclosure("m-" + Fixtures.unique(), tenant,
                subject, "Google Analytics 4", "website-visitor", "web-analytics")), 409, "sharing-objected",
                "subjectId");
        assertThat(none.getString("detail")).contains("NO_CONSENT");
        grant(tenant, subject, "web-analytics");
        Http.Response granted = op.post("/api/v1/disclosures", disclosure("m-" + Fixtures.unique(), tenant, subject,
                "Google Analytics 4", "website-visitor", "web-analytics"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(granted.json().getString("legalBasis")).isEqualTo("CONSENT");
        // CCPA: sharing is allowed until the subject opts out, and GPC is an opt-out.
        String ads = disclosure("m-" + Fixtures.unique(), tenant, subject, "LinkedIn Ads", "website-visitor",
                "cross-context-advertising").replace("}", ",\"jurisdiction\":\"CCPA\"}");
        assertThat(op.post("/api/v1/disclosures/check", ads).status()).isEqualTo(200);
        Http.Response gpc = server.as(tenant, "SERVICE").get("/api/v1/consent/decision?subject=" + subject
                + "&purpose=cross-context-advertising&jurisdiction=CCPA", Map.of("Sec-GPC", "1"));
        assertThat(gpc.status()).as(gpc.toString()).isEqualTo(200);
        JsonObject byGpc = problem(op.post("/api/v1/disclosures", ads), 409, "sharing-objected", "subjectId");
        assertThat(byGpc.getString("detail")).contains("GPC_SIGNAL");
        // A restriction stops every marketing disclosure, even one consented to.
        Http.Response restricted = op.post("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/restriction",
                "{\"requestRef\":\"SHARING-IT\"}");
        assertThat(restricted.status()).as(restricted.toString()).isIn(200, 201);
        JsonObject r = problem(op.post("/api/v1/disclosures", disclosure("m-" + Fixtures.unique(), tenant, subject,
                "Google Analytics 4", "website-visitor", "web-analytics")), 409, "sharing-objected", "subjectId");
        assertThat(r.getString("detail")).contains("RESTRICTED");
        assertThat(op.delete("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/restriction").status())
                .isIn(200, 204);
        // An objection to a legitimate interest.
        String analytics = activeRecipient("Product Analytics " + Fixtures.unique(), "MARKETING_ANALYTICS",
                "in-app-analytics");
        String usage = disclosure("m-" + Fixtures.unique(), tenant, subject, analytics, "in-app-analytics",
                "in-app-analytics");
        assertThat(op.post("/api/v1/disclosures/check", usage).status()).isEqualTo(200);
        Http.Response object = op.post(consents, "{\"purpose\":\"in-app-analytics\",\"action\":\"OBJECT\"}");
        assertThat(object.status()).as(object.toString()).isEqualTo(201);
        JsonObject objected = problem(op.post("/api/v1/disclosures", usage), 409, "sharing-objected", "subjectId");
        assertThat(objected.getString("detail")).contains("OBJECTED");
        problem(op.post("/api/v1/disclosures", disclosure("m-" + Fixtures.unique(), tenant, null,
                "Google Analytics 4", "website-visitor", "web-analytics")), 422, "disclosure-refused", "subjectId");
        assertThat(audited("sharing.disclosure.record", "DENIED", "FAILURE")).isPositive();
        assertThat(ledger(tenant, subject)).hasSize(1);
    }

    // ------------------------------------------------------------------ the ROPA and the access export

    @Test
    void theRopaAndTheAccessExportNameTheRecipients() throws Exception {
        JsonObject web = op.get("/api/v1/inventory/ropa").json().getJsonArray("activities").stream()
                .map(JsonObject.class::cast).filter(a -> a.getString("purposeKey").equals("web-analytics"))
                .findFirst().orElseThrow();
        assertThat(web.getString("recipients")).contains("Google Analytics 4 (MARKETING_ANALYTICS")
                .contains("LinkedIn Ads").doesNotContain("Slack");
        assertThat(web.getString("transfers")).contains("Google Analytics 4: US (STANDARD_CONTRACTUAL_CLAUSES)");

        String tenant = Fixtures.tenant(op, "CLOUD");
        String email = "export-" + Fixtures.unique() + "@example.com";
        String subject = op.post("/api/v1/tenants/" + tenant + "/subjects", "{\"email\":\"" + email + "\"}").json()
                .getString("id");
        assertThat(op.post("/api/v1/disclosures", disclosure("x-" + Fixtures.unique(), tenant, subject, "Slack",
                "contact", "communication-support")).status()).isEqualTo(201);
        String id = staffFiled("ACCESS", email);
        approve(id);
        awaitState(id, "COMPLETED");
        Mailbox.Mail ready = Mailbox.awaitSubject(email, "Your data is ready to download");
        HttpResponse<byte[]> zip = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(server.uri(Mailbox.linkIn(ready).replace(StewardServer.PUBLIC_URL, "")))
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, String> entries = unzip(zip.body());
        JsonObject export = Json.createReader(new java.io.StringReader(entries.get("export.json"))).readObject();
        String sharing = export.toString();
        assertThat(sharing).contains("\"sharing\"").contains("Slack").contains("Internal communication about support");
        assertThat(entries.keySet()).anyMatch(k -> k.endsWith("sharing/recipients.csv"));
        assertThat(entries.keySet()).anyMatch(k -> k.endsWith("sharing/disclosures.csv"));
    }

    // ------------------------------------------------------------------ propagation

    @Test
    void anErasureReachesEveryRecipientAndTheRequestCompletesOnlyWhenEachConfirmedOrWasWaived() throws Exception {
        String hookPath = "/propagation-" + Fixtures.unique();
        String webhook = activeRecipient("Webhook Processor " + Fixtures.unique(), "PRODUCTIVITY", "contact");
        Http.Response hook = op.put("/api/v1/sharing/subprocessors/" + webhook + "/connector",
                "{\"connector\":\"WEBHOOK\",\"url\":\"" + receiver.uri(hookPath) + "\"}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(200);
        byte[] hookSecret = secret(hook.json().getJsonObject("connector").getString("secret"));
        assertThat(op.get("/api/v1/sharing/subprocessors/" + webhook).body()).doesNotContain("whsec_");
        receiver.expectSecret(hookPath, hookSecret);
        receiver.failNext(hookPath, 2, 500);
        String openDsr = activeRecipient("OpenDSR Processor " + Fixtures.unique(), "SUPPORT", "contact");
        Http.Response dsr = op.put("/api/v1/sharing/subprocessors/" + openDsr + "/connector",
                Json.createObjectBuilder().add("connector", "OPENDSR").add("url", processor.baseUri().toString())
                        .add("certificatePem", processor.certificatePem()).build().toString());
        assertThat(dsr.status()).as(dsr.toString()).isEqualTo(200);
        processor.failNext(2);
        int submittedBefore = processor.submissions();

        String tenant = Fixtures.tenant(op, "CLOUD");
        String email = "erased-" + Fixtures.unique() + "@example.com";
        String subject = op.post("/api/v1/tenants/" + tenant + "/subjects", "{\"email\":\"" + email
                + "\",\"accountId\":\"557058:" + Fixtures.unique() + "\"}").json().getString("id");
        for (String recipient : List.of(webhook, openDsr, "AWS")) {
            Http.Response d = op.post("/api/v1/disclosures", disclosure("e-" + Fixtures.unique(), tenant, subject,
                    recipient, "contact", "app-provision"));
            assertThat(d.status()).as(d.toString()).isEqualTo(201);
        }
        String request = staffFiled("ERASURE", email);
        approve(request);

        // The webhook: two failures, then one delivery, signed; the subject named as the recipient knows it.
        List<WebhookReceiver.Received> tries = receiver.awaitRequests(hookPath, 3, Duration.ofSeconds(60));
        assertThat(tries).allMatch(WebhookReceiver.Received::signatureValid);
        assertThat(receiver.distinctDeliveryIds(hookPath)).hasSize(1);
        JsonObject sent = Json.createReader(new java.io.StringReader(tries.get(2).body())).readObject();
        assertThat(sent.getString("type")).isEqualTo("propagation.requested");
        assertThat(sent.getJsonObject("propagation").getString("kind")).isEqualTo("ERASURE");
        assertThat(sent.getJsonObject("subject").getString("email")).isEqualTo(email);
        String hookTask = sent.getJsonObject("propagation").getString("id");
        String callback = sent.getJsonObject("propagation").getString("callbackUrl");
        assertThat(callback).startsWith(StewardServer.PUBLIC_URL + "/api/v1/public/sharing/propagations/");
        // The OpenDSR processor failed twice, then took the request, with the email as an identity.
        OpenDsrProcessor.Received dsrRequest = processor.awaitRequests(1, Duration.ofSeconds(60)).stream()
                .filter(p -> p.body().contains(email)).findFirst().orElseThrow();
        assertThat(processor.submissions() - submittedBefore).as("two failures, then the request").isEqualTo(3);
        assertThat(dsrRequest.subjectRequestType()).isEqualTo("erasure");
        assertThat(dsrRequest.body()).contains(email);

        JsonObject waiting = awaitTask(request, t -> t.getString("lastError", "").contains("3 of 3 recipients"));
        assertThat(waiting.getString("state")).isEqualTo("WAITING");
        assertThat(op.get("/api/v1/requests/" + request).json().getString("state")).isEqualTo("IN_PROGRESS");

        // Callbacks: a bad signature, a stale one and a replay are refused; a good one confirms.
        URI hookCallback = server.uri(callback.replace(StewardServer.PUBLIC_URL, ""));
        long now = clock.now().toEpochSecond();
        String done = "{\"status\":\"COMPLETED\",\"note\":\"deleted from the CRM\"}";
        assertThat(receiver.sendSigned(hookCallback, "wrong-secret".getBytes(StandardCharsets.UTF_8), done, now)
                .status()).isEqualTo(400);
        assertThat(receiver.sendSigned(hookCallback, hookSecret, done, now - 3600).status()).isEqualTo(400);
        WebhookReceiver.Answer confirmed = receiver.sendSigned(hookCallback, hookSecret, done, now);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"state\":\"CONFIRMED\"");
        assertThat(receiver.sendSigned(hookCallback, hookSecret, done, now).status()).as("a replay").isEqualTo(400);

        URI dsrCallback = server.uri("/api/v1/public/sharing/opendsr/callback");
        assertThat(processor.sendTamperedCallback(dsrCallback, dsrRequest.subjectRequestId(), "completed"))
                .isEqualTo(400);
        assertThat(processor.sendCallbackAs(dsrCallback, dsrRequest.subjectRequestId(), "completed",
                "another.processor.test")).as("the certificate names another domain").isEqualTo(400);
        assertThat(processor.sendCallback(dsrCallback, dsrRequest.subjectRequestId(), "completed")).isEqualTo(200);

        // The manual one: in the admin queue, waived by the privacy officer with a reason.
        JsonObject manual = op.get("/api/v1/sharing/propagations?connector=MANUAL&state=SENT&recipient=AWS&limit=200")
                .json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("kind").equals("ERASURE") && p.getString("causeRef")
                        .equals(waiting.getString("resultRef"))).findFirst().orElseThrow();
        problem(op.post("/api/v1/sharing/propagations/" + manual.getString("id") + "/waiver", "{\"reason\":\"\"}"),
                400, "validation", "reason");
        Http.Response waived = op.post("/api/v1/sharing/propagations/" + manual.getString("id") + "/waiver",
                "{\"reason\":\"AWS hosts the erased rows only: nothing left to erase\"}");
        assertThat(waived.json().getString("state")).isEqualTo("WAIVED");
        problem(op.post("/api/v1/sharing/propagations/" + manual.getString("id") + "/confirmation", "{}"), 409,
                "conflict", "state");

        JsonObject completed = awaitState(request, "COMPLETED");
        assertThat(completed.getString("outcome")).isEqualTo("COMPLIED");
        assertThat(op.get("/api/v1/sharing/propagations/" + hookTask).json().getString("closedBy"))
                .isEqualTo("recipient");
        assertThat(op.get("/api/v1/disclosures?subjectId=" + subject).json().getJsonArray("items"))
                .as("the erased subject's disclosures are gone").isEmpty();
        assertThat(receiver.requests(hookPath)).as("no duplicate after the delivery").hasSize(3);
        assertThat(processor.requests()).filteredOn(p -> p.subjectRequestId().equals(dsrRequest.subjectRequestId()))
                .hasSize(1);
    }

    @Test
    void correctionsAndRestrictionsArePassedOnAndOverdueTasksShowInTheWatchdog() {
        String tenant = Fixtures.tenant(op, "CLOUD");
        String subject = Fixtures.subject(op, tenant);
        String recipient = activeRecipient("Manual Processor " + Fixtures.unique(), "PRODUCTIVITY", "contact");
        assertThat(op.put("/api/v1/sharing/subprocessors/" + recipient + "/connector",
                "{\"connector\":\"MANUAL\",\"dueDays\":3}").status()).isEqualTo(200);
        assertThat(op.post("/api/v1/disclosures", disclosure("r-" + Fixtures.unique(), tenant, subject, recipient,
                "contact", "app-provision")).status()).isEqualTo(201);
        Http.Response patched = op.patch("/api/v1/tenants/" + tenant + "/subjects/" + subject,
                "{\"displayName\":\"Corrected Name\"}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(op.post("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/restriction", "{}").status())
                .isIn(200, 201);
        List<JsonObject> tasks = op.get("/api/v1/sharing/propagations?recipient=" + recipient).json()
                .getJsonArray("items").stream().map(JsonObject.class::cast).toList();
        assertThat(tasks).extracting(t -> t.getString("kind")).containsExactlyInAnyOrder("RECTIFICATION",
                "RESTRICTION");
        assertThat(tasks).allMatch(t -> t.getString("state").equals("SENT") && t.getString("subjectId").equals(subject));
        assertThat(op.get("/api/v1/requests/watchdog").json().getJsonArray("overdueRecipients").toString())
                .doesNotContain(tasks.get(0).getString("id"));
        clock.advance("P4D");
        String late = op.get("/api/v1/requests/watchdog").json().getJsonArray("overdueRecipients").toString();
        assertThat(late).contains(tasks.get(0).getString("id")).contains(tasks.get(1).getString("id"));
        assertThat(op.get("/api/v1/sharing/propagations?overdue=true&recipient=" + recipient).json()
                .getJsonArray("items")).hasSize(2);
        problem(op.get("/api/v1/sharing/propagations?overdue=maybe"), 400, "validation", "overdue");
        Http.Response confirmed = op.post("/api/v1/sharing/propagations/" + tasks.get(0).getString("id")
                + "/confirmation", "{\"note\":\"Ticket OPS-7\"}");
        assertThat(confirmed.json().getString("state")).isEqualTo("CONFIRMED");
        assertThat(server.as(null, "SUPPORT_AGENT").post("/api/v1/sharing/propagations/"
                + tasks.get(1).getString("id") + "/confirmation", "{}").status()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ helpers

    static String body(String name, String category, String dataCategory) {
        return Json.createObjectBuilder().add("name", name).add("category", category)
                .add("purpose", "Test processing (SharingIT)").add("dataCategories", Json.createArrayBuilder()
                        .add(dataCategory)).add("countries", Json.createArrayBuilder().add("DE").add("US"))
                .add("transferMechanism", "STANDARD_CONTRACTUAL_CLAUSES").add("dpaReference", "DPA-IT-1").build()
                .toString();
    }

    private static JsonObject propose(String name, String category, String dataCategory) {
        Http.Response r = op.post("/api/v1/sharing/subprocessors", body(name, category, dataCategory));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** A subprocessor proposed and made active: time moved past its window, then put back. */
    private static String activeRecipient(String name, String category, String dataCategory) {
        String id = propose(name, category, dataCategory).getString("id");
        clock.advance("P31D");
        awaitStatus(id, "ACTIVE");
        clock.reset();
        return id;
    }

    private static JsonObject byName(Http.Response list, String name) {
        return list.jsonArray().stream().map(JsonObject.class::cast).filter(o -> o.getString("name").equals(name))
                .findFirst().orElseThrow();
    }

    static String disclosure(String clientId, String tenant, String subject, String recipient, String category,
                             String purpose) {
        var b = Json.createObjectBuilder().add("clientId", clientId).add("tenantId", tenant).add("recipient", recipient)
                .add("categories", Json.createArrayBuilder().add(category)).add("purpose", purpose);
        if (subject != null) {
            b.add("subjectId", subject);
        }
        return b.build().toString();
    }

    private static List<JsonObject> ledger(String tenant, String subject) {
        Http.Response r = op.get("/api/v1/disclosures?tenantId=" + tenant + "&subjectId=" + subject);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    private static long audited(String action, String... outcomes) {
        return op.get("/api/v1/audit?action=" + action + "&limit=200").json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(e -> List.of(outcomes).contains(e.getString("outcome"))).count();
    }

    private static void grant(String tenant, String subject, String purpose) {
        Http.Response notice = op.put("/api/v1/consent/purposes/" + purpose + "/notices/en",
                "{\"text\":\"We use analytics cookies (SharingIT).\"}");
        assertThat(notice.status()).as(notice.toString()).isIn(200, 201);
        Http.Response r = op.post("/api/v1/tenants/" + tenant + "/subjects/" + subject + "/consents",
                "{\"purpose\":\"" + purpose + "\",\"action\":\"GRANT\",\"noticeVersion\":"
                        + notice.json().getInt("version") + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static JsonObject latestNotice(String subprocessorId) {
        return op.get("/api/v1/sharing/notices?limit=200").json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(n -> n.getString("subprocessorId").equals(subprocessorId))
                .findFirst().orElseThrow();
    }

    private static void awaitStatus(String id, String status) {
        await(() -> op.get("/api/v1/sharing/subprocessors/" + id).json(),
                s -> s.getString("status").equals(status), "subprocessor " + id + " " + status);
    }

    private static void awaitCategories(String id, String categories) {
        await(() -> op.get("/api/v1/sharing/subprocessors/" + id).json(),
                s -> s.getJsonArray("dataCategories").toString().equals(categories), "categories " + categories);
    }

    private static void awaitDelivered(String noticeId, int count) {
        await(() -> Json.createObjectBuilder().add("d", op.get("/api/v1/sharing/notices/" + noticeId + "/deliveries")
                        .jsonArray()).build(),
                o -> o.getJsonArray("d").stream().map(JsonObject.class::cast)
                        .filter(d -> d.getString("state").equals("DELIVERED")).count() == count,
                "notice " + noticeId + " delivered " + count + " times");
    }

    private static String staffFiled(String type, String email) {
        Http.Response r = op.post("/api/v1/requests", "{\"type\":\"" + type + "\",\"jurisdiction\":\"GDPR\","
                + "\"subject\":{\"email\":\"" + email + "\"},\"channel\":\"EMAIL\",\"identityCheck\":"
                + "\"Replied from the address on file (SharingIT)\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().getString("id");
    }

    private static void approve(String id) {
        Http.Response r = op.post("/api/v1/requests/" + id + "/approval", "");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static JsonObject awaitState(String id, String state) {
        return await(() -> op.get("/api/v1/requests/" + id).json(), r -> r.getString("state").equals(state),
                "request " + id + " " + state);
    }

    private static JsonObject awaitTask(String id, Predicate<JsonObject> matching) {
        JsonObject[] found = new JsonObject[1];
        await(() -> op.get("/api/v1/requests/" + id).json(), r -> {
            for (JsonValue t : r.getJsonArray("tasks")) {
                if (matching.test((JsonObject) t)) {
                    found[0] = (JsonObject) t;
                    return true;
                }
            }
            return false;
        }, "a task of request " + id);
        return found[0];
    }

    private static JsonObject await(java.util.function.Supplier<JsonObject> read, Predicate<JsonObject> done,
                                    String what) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < end) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            sleep(250);
        }
        throw new AssertionError("Never reached: " + what + "; last " + last);
    }

    private static byte[] secret(String display) {
        return Base64.getUrlDecoder().decode(display.substring("whsec_".length()));
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                out.put(e.getName(), b.toString(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
