package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.steward.it.AtlassianReportingIT.await;
import static org.steward.it.AtlassianReportingIT.sleep;
import static org.steward.it.ProblemAssert.problem;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steward.it.support.Fixtures;
import org.steward.it.support.Http;
import org.steward.it.support.JsmStandIn;
import org.steward.it.support.Mailbox;
import org.steward.it.support.StewardServer;

/**
 * The policy's request channel end to end: a Jira Service Management help center (a stand-in started here, with
 * JSM's request, comment and transition endpoints) connected to Steward. Portal requests arrive by signed webhook
 * and by poll and are filed once; the subject request's notices come back as public comments, in order, and survive
 * JSM being down; the ended request transitions the ticket.
 */
class HelpCenterIT {

    static final String DESK = "7";
    static final String ERASURE_TYPE = "11";
    static final String ACCESS_TYPE = "12";
    static final String OTHER_TYPE = "99";

    /** The API token the stand-in expects of the desk's account. */
    private static final String TOKEN = "api-token-" + Fixtures.unique();

    private static StewardServer server;
    private static Http op;
    private static JsmStandIn jsm;
    private static String deskId;
    private static byte[] webhookSecret;

    @BeforeAll
    static void start() {
        server = StewardServer.clocked();
        op = server.http();
        jsm = new JsmStandIn();
        jsm.expectBasic("privacy-bot@osci.example", TOKEN);
    }

    @AfterAll
    static void stop() {
        jsm.close();
    }

    private static synchronized String desk() {
        if (deskId == null) {
            Http.Response r = op.post("/api/v1/atlassian/service-desks", deskJson(true));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            deskId = r.json().getString("id");
            webhookSecret = r.json().getString("webhookSecret").getBytes(StandardCharsets.US_ASCII);
            assertThat(r.body()).doesNotContain("api-token-");
            assertThat(op.get("/api/v1/atlassian/service-desks/" + deskId).json().containsKey("webhookSecret"))
                    .isFalse();
        }
        return deskId;
    }

    private static String deskJson(boolean poll) {
        return "{\"name\":\"Privacy help center\",\"siteUrl\":\"" + jsm.baseUrl() + "\",\"serviceDeskId\":\"" + DESK
                + "\",\"auth\":\"BASIC\",\"email\":\"privacy-bot@osci.example\",\"apiToken\":\""
                + TOKEN + "\",\"requestTypes\":{\"" + ERASURE_TYPE + "\":\"ERASURE\",\"" + ACCESS_TYPE
                + "\":\"ACCESS\"},\"poll\":" + poll + "}";
    }


    @Test
    void aPortalRequestArrivingByWebhookAndByPollIsFiledOnceAndVerifiedByTheAccount() {
        String desk = desk();
        String tenant = Fixtures.tenant(op, "CLOUD");
        String account = "712020:" + java.util.UUID.randomUUID();
        String email = "jsm-" + Fixtures.unique() + "@example.com";
        op.post("/api/v1/tenants/" + tenant + "/subjects", "{\"accountId\":\"" + account + "\",\"email\":\"" + email
                + "\"}");
        String key = jsm.addRequest(DESK, ACCESS_TYPE, new JsmStandIn.Customer(account, email, "Jo Doe"),
                "Send me my data");
        JsmStandIn.Answer first = jsm.sendWebhook(server.uri("/api/v1/public/atlassian/service-desks/" + desk
                + "/webhook"), webhookSecret, key);
        assertThat(first.status()).as(first.body()).isEqualTo(202);

        JsonObject ticket = awaitTicket(desk, key, t -> t.getString("state").equals("FILED"));
        assertThat(ticket.getString("source")).isIn("WEBHOOK", "POLL"); // whichever came first
        // The same request again, by webhook, and the polls that list it meanwhile: one ticket, one request.
        int served = jsm.served(JsmStandIn.API);
        assertThat(jsm.sendWebhook(server.uri("/api/v1/public/atlassian/service-desks/" + desk + "/webhook"),
                webhookSecret, key).status()).isEqualTo(202);
        sleep(3000);
        assertThat(jsm.served(JsmStandIn.API) - served).as("polled meanwhile").isGreaterThanOrEqualTo(2);
        assertThat(tickets(desk).stream().filter(t -> t.getString("issueKey").equals(key))).hasSize(1);
        assertThat(tickets(desk).stream().filter(t -> ticket.getString("requestId").equals(
                t.getString("requestId", null)))).hasSize(1);

        JsonObject request = op.get("/api/v1/requests/" + ticket.getString("requestId")).json();
        assertThat(request.getString("channel")).isEqualTo("JSM");
        assertThat(request.getString("channelReference")).isEqualTo(key);
        assertThat(request.getString("verification")).isEqualTo("JSM_ACCOUNT");
        assertThat(request.getString("type")).isEqualTo("ACCESS");
        assertThat(request.getString("state")).isEqualTo("VERIFIED");

        // Its notices are comments, in order: received, verified; then extended, then the export and completion.
        awaitComments(key, 2);
        String due = request.getString("maxDueOn");
        Http.Response extended = op.post("/api/v1/requests/" + request.getString("id") + "/extension",
                "{\"newDueOn\":\"" + due + "\",\"reason\":\"We are gathering data from three teams\"}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(op.post("/api/v1/requests/" + request.getString("id") + "/approval", "").status()).isEqualTo(200);
        List<JsmStandIn.Comment> comments = awaitComments(key, 5);
        assertThat(comments).allMatch(JsmStandIn.Comment::isPublic);
        assertThat(comments).extracting(c -> c.body().lines().findFirst().orElse("")).containsExactly(
                "We received your request", "Your request is verified", "We need more time for your request",
                "Your data is ready to download", "Your request is complete");
        assertThat(comments.get(2).body()).contains("We are gathering data from three teams").contains(due);
        assertThat(comments.get(3).body()).contains("/api/v1/requests/" + request.getString("id") + "/export?token=");
        assertThat(String.join("\n", comments.stream().map(JsmStandIn.Comment::body).toList()))
                .doesNotContain(account).doesNotContain(email).doesNotContain(tenant);
        await(() -> jsm.status(key), "Resolved"::equals);
        assertThat(jsm.transitionsPosted(key)).containsExactly(JsmStandIn.RESOLVE);
        assertThat(awaitTicket(desk, key, t -> t.getInt("pendingComments") == 0)).isNotNull();
        assertThat(jsm.violations()).isEmpty();
    }

    @Test
    void anEmailOnlyCustomerProvesTheAddressWithTheMailedCodeAndTheTicketNeverShowsIt() {
        String desk = desk();
        String email = "portal-" + Fixtures.unique() + "@example.com";
        String tenant = Fixtures.tenant(op, "CLOUD");
        assertThat(op.post("/api/v1/tenants/" + tenant + "/subjects", "{\"email\":\"" + email + "\"}").status())
                .isEqualTo(201);
        String key = jsm.addRequest(DESK, ERASURE_TYPE, new JsmStandIn.Customer("qm:" + java.util.UUID.randomUUID()
                + ":" + java.util.UUID.randomUUID(), email, "Portal Customer"), "Delete my data");
        JsonObject ticket = awaitTicket(desk, key, t -> t.getString("state").equals("FILED"));
        JsonObject request = op.get("/api/v1/requests/" + ticket.getString("requestId")).json();
        assertThat(request.getString("state")).isEqualTo("VERIFYING");
        assertThat(request.getString("identifierKind")).isEqualTo("EMAIL");
        String code = Mailbox.codeIn(Mailbox.awaitSubject(email, "Your verification code"));
        List<JsmStandIn.Comment> comments = awaitComments(key, 1);
        assertThat(comments.get(0).body()).startsWith("We sent you a verification code").doesNotContain(code);

        // The code is entered; then the request is refused on a stated ground, and the ticket closed.
        assertThat(server.anonymous().post("/api/v1/requests/" + request.getString("id") + "/verification",
                "{\"code\":\"" + code + "\"}").status()).isEqualTo(200);
        Http.Response denied = op.post("/api/v1/requests/" + request.getString("id") + "/denial",
                "{\"basis\":\"LEGAL_OBLIGATION\",\"text\":\"Invoices must be kept for ten years.\"}");
        assertThat(denied.status()).as(denied.body()).isEqualTo(200);
        comments = awaitComments(key, 3);
        assertThat(comments.get(2).body()).startsWith("Your request was refused").contains("GDPR Art. 17(3)(b)")
                .contains("Invoices must be kept for ten years.");
        await(() -> jsm.status(key), "Resolved"::equals);
        assertThat(Mailbox.to(email)).extracting(Mailbox.Mail::subject).containsExactly("Your verification code");
    }

    @Test
    void commentsWaitWhileJsmIsDownAndArePostedInOrderWhenItIsBack() {
        String desk = desk();
        String tenant = Fixtures.tenant(op, "CLOUD");
        String account = "712020:" + java.util.UUID.randomUUID();
        op.post("/api/v1/tenants/" + tenant + "/subjects", "{\"accountId\":\"" + account + "\"}");
        String key = jsm.addRequest(DESK, ERASURE_TYPE, new JsmStandIn.Customer(account, null, "No Mail"), "Erase");
        JsonObject ticket = awaitTicket(desk, key, t -> t.getString("state").equals("FILED"));
        String id = ticket.getString("requestId");
        awaitComments(key, 2);

        jsm.unavailable(true);
        try {
            int before = jsm.served("/");
            JsonObject r = op.get("/api/v1/requests/" + id).json();
            assertThat(op.post("/api/v1/requests/" + id + "/extension", "{\"newDueOn\":\"" + r.getString("maxDueOn")
                    + "\",\"reason\":\"Backups take a month to roll over\"}").status()).isEqualTo(200);
            assertThat(op.post("/api/v1/requests/" + id + "/cancellation", "").status()).isIn(200, 202);
            await(() -> jsm.served("/") - before, n -> n >= 3); // retried, and refused each time
            assertThat(awaitTicket(desk, key, t -> t.getInt("pendingComments") == 2)).isNotNull();
            // The request itself went on without JSM.
            assertThat(op.get("/api/v1/requests/" + id).json().getString("state")).isEqualTo("CANCELLED");
        } finally {
            jsm.unavailable(false);
        }
        List<JsmStandIn.Comment> comments = awaitComments(key, 4);
        assertThat(comments).extracting(c -> c.body().lines().findFirst().orElse("")).containsExactly(
                "We received your request", "Your request is verified", "We need more time for your request",
                "Your request was cancelled");
        await(() -> jsm.status(key), s -> !s.equals("Waiting for support"));
        assertThat(jsm.transitionsPosted(key)).containsExactly(JsmStandIn.RESOLVE);
    }

    @Test
    void unmappedUnknownAndForgedRequestsFileNothing() {
        String desk = desk();
        String webhook = "/api/v1/public/atlassian/service-desks/" + desk + "/webhook";
        String other = jsm.addRequest(DESK, OTHER_TYPE, new JsmStandIn.Customer("712020:" + Fixtures.unique(),
                "x-" + Fixtures.unique() + "@example.com", "X"), "My printer is broken");
        assertThat(awaitTicket(desk, other, t -> !t.getString("state").equals("PENDING")).getString("state"))
                .isEqualTo("IGNORED");

        // What JSM says is taken only in the shapes Steward's API accepts: a reporter in no such shape names no one.
        String junk = jsm.addRequest(DESK, ERASURE_TYPE, new JsmStandIn.Customer("not an id!\u0000",
                "not-an-email", "X"), "Delete me");
        assertThat(awaitTicket(desk, junk, t -> !t.getString("state").equals("PENDING")).getString("state"))
                .isEqualTo("REFUSED");
        String longType = jsm.addRequest(DESK, "1".repeat(40), new JsmStandIn.Customer("712020:" + Fixtures.unique(),
                "y-" + Fixtures.unique() + "@example.com", "Y"), "Odd type");
        JsonObject odd = awaitTicket(desk, longType, t -> !t.getString("state").equals("PENDING"));
        assertThat(odd.getString("state")).isEqualTo("IGNORED");
        assertThat(odd.containsKey("requestTypeId")).isFalse();

        assertThat(jsm.sendWebhook(server.uri(webhook), webhookSecret, "PRIV-99999").status()).isEqualTo(202);
        assertThat(awaitTicket(desk, "PRIV-99999", t -> !t.getString("state").equals("PENDING")).getString("state"))
                .isEqualTo("REFUSED");

        problem(server.anonymous().post(webhook, "{\"issue\":{\"key\":\"PRIV-1\"}}"), 400, "signature-refused",
                "X-Hub-Signature");
        assertThat(jsm.sendWebhook(server.uri(webhook), "wrong-secret".getBytes(StandardCharsets.US_ASCII),
                "PRIV-1").status()).isEqualTo(400);
        assertThat(jsm.sendWebhook(server.uri("/api/v1/public/atlassian/service-desks/"
                + java.util.UUID.randomUUID() + "/webhook"), webhookSecret, "PRIV-1").status()).isEqualTo(404);

        problem(op.post("/api/v1/atlassian/service-desks", "{\"name\":\"x\",\"siteUrl\":\"ftp://x\","
                + "\"serviceDeskId\":\"1\",\"auth\":\"BASIC\",\"email\":\"a@example.com\",\"apiToken\":\"t\","
                + "\"requestTypes\":{\"1\":\"ERASURE\"}}"), 400, "validation", "siteUrl");
        problem(op.post("/api/v1/atlassian/service-desks", "{\"name\":\"x\",\"siteUrl\":\"" + jsm.baseUrl()
                + "\",\"serviceDeskId\":\"1\",\"auth\":\"BASIC\",\"email\":\"a@example.com\","
                + "\"requestTypes\":{\"1\":\"ERASURE\"}}"), 400, "validation", "apiToken");
        problem(op.post("/api/v1/atlassian/service-desks", "{\"name\":\"x\",\"siteUrl\":\"" + jsm.baseUrl()
                + "\",\"serviceDeskId\":\"1\",\"auth\":\"BEARER\",\"accessToken\":\"t\","
                + "\"requestTypes\":{\"1\":\"DELETE_ME\"}}"), 400, "validation", "requestTypes.1");
        problem(op.get("/api/v1/atlassian/service-desks/" + desk + "/tickets?limit=0"), 400, "validation", "limit");
        problem(op.get("/api/v1/atlassian/service-desks/not-a-desk"), 404, "not-found");
    }

    // ------------------------------------------------------------------ helpers

    private static List<JsonObject> tickets(String desk) {
        JsonArray a = op.get("/api/v1/atlassian/service-desks/" + desk + "/tickets?limit=500").jsonArray();
        return a.stream().map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject awaitTicket(String desk, String key, java.util.function.Predicate<JsonObject> done) {
        return await(() -> tickets(desk).stream().filter(t -> t.getString("issueKey").equals(key)).findFirst()
                .orElse(null), t -> t != null && done.test(t));
    }

    private static List<JsmStandIn.Comment> awaitComments(String key, int n) {
        List<JsmStandIn.Comment> c = await(() -> jsm.comments(key), l -> l.size() >= n);
        sleep(Duration.ofMillis(1500).toMillis()); // and no more than n
        assertThat(jsm.comments(key)).hasSize(n);
        return jsm.comments(key);
    }
}
