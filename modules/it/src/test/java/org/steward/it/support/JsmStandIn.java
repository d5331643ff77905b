package org.steward.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Jira Service Management's REST API on 127.0.0.1 for the integration tests, limited to the calls Steward makes: list
 * a service desk's requests (newest first, paged), read one, list and post its comments, list and post its
 * transitions. The tests add the requests (tickets) themselves, then see what Steward did with them, and can send the
 * signed webhook that JSM Automation's "Send web request" would send.
 * <p>
 * It is strict on purpose, since it is how the tests prove that Steward follows JSM's contract: a missing or
 * ill-formed {@code Authorization}, a call outside these endpoints, a POST that is not {@code application/json}, a
 * body that is not exactly the documented shape or a query parameter JSM would refuse is answered as JSM would
 * (400, 401, 404, 405, 415) and listed in {@link #violations()}, which a test expects to be empty. Well-formed but
 * wrong credentials, an unknown request and a transition of a resolved request are refused without a violation: a
 * test may arrange them on purpose.
 */
public final class JsmStandIn implements AutoCloseable {

    public static final String API = "/rest/servicedeskapi/request";
    public static final String RESOLVE = "761";
    public static final String CANCEL = "781";

    /** A request's reporter; its email address may be null (hidden by the customer's profile visibility). */
    public record Customer(String accountId, String emailAddress, String displayName) {
    }

    /** A comment on a request, and when it arrived. */
    public record Comment(String body, boolean isPublic, Instant at) {
    }

    /** Steward's answer to a webhook. */
    public record Answer(int status, String body) {
    }

    private static final Set<String> OWNERSHIPS = Set.of("OWNED_REQUESTS", "PARTICIPATED_REQUESTS", "ORGANIZATION",
            "ALL_ORGANIZATIONS", "APPROVER", "ALL_REQUESTS");
    private static final Set<String> STATUSES = Set.of("OPEN_REQUESTS", "CLOSED_REQUESTS", "ALL_REQUESTS");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter JIRA = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MMM/yy h:mm a", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final JsonParserFactory JSON = Json.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE, "org.eclipse.parsson.rejectDuplicateKeys", true));

    /** One request (ticket); its mutable state is guarded by the ticket itself. */
    private static final class Ticket {
        final String key;
        final String issueId;
        final String serviceDeskId;
        final String requestTypeId;
        final Customer reporter;
        final String summary;
        final long created;
        final List<Comment> comments = new CopyOnWriteArrayList<>();
        final List<String> transitions = new CopyOnWriteArrayList<>();
        String status = "Waiting for support";
        String category = "NEW";

        Ticket(int n, String serviceDeskId, String requestTypeId, Customer reporter, String summary, long created) {
            this.key = "PRIV-" + n;
            this.issueId = Integer.toString(10000 + n);
            this.serviceDeskId = serviceDeskId;
            this.requestTypeId = requestTypeId;
            this.reporter = reporter;
            this.summary = summary;
            this.created = created;
        }

        synchronized boolean open() {
            return "NEW".equals(category) || "INDETERMINATE".equals(category);
        }
    }

    private final HttpServer server;
    // A thread per request: a JSM that holds its answers must not also queue them (a queued request can outlast the caller's timeout).
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Ticket> tickets = new CopyOnWriteArrayList<>();
    private final Map<String, Ticket> byKeyOrId = new ConcurrentHashMap<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger commentIds = new AtomicInteger();
    private long clock;
    private volatile String basic;
    private volatile String bearer;
    private volatile boolean down;
    private volatile Duration commentDelay = Duration.ZERO;

    public JsmStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, the site's base URL (no trailing slash). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Accepts {@code Authorization: Basic base64(email:apiToken)}. */
    public void expectBasic(String email, String apiToken) {
        basic = email + ":" + apiToken;
    }

    /** Accepts {@code Authorization: Bearer <token>}. */
    public void expectBearer(String token) {
        bearer = token;
    }

    /**
     * Adds a request in "Waiting for support", created now by the stand-in's clock (each one at least 1 ms after the
     * one before), and returns its key {@code PRIV-<n>} (its issue id is {@code 10000+n}).
     */
    public synchronized String addRequest(String serviceDeskId, String requestTypeId, Customer reporter,
                                          String summary) {
        if (serviceDeskId == null || requestTypeId == null || reporter == null || reporter.accountId() == null) {
            throw new IllegalArgumentException("A request needs a service desk, a request type and a reporter");
        }
        clock = Math.max(System.currentTimeMillis(), clock + 1);
        Ticket t = new Ticket(tickets.size() + 1, serviceDeskId, requestTypeId, reporter, summary, clock);
        byKeyOrId.put(t.key, t);
        byKeyOrId.put(t.issueId, t);
        tickets.add(t);
        return t.key;
    }

    /** The request's comments, in the order they were made (additional comments of transitions included). */
    public List<Comment> comments(String issueKey) {
        return List.copyOf(ticket(issueKey).comments);
    }

    /** The request's status name: "Waiting for support", "Resolved" or "Canceled". */
    public String status(String issueKey) {
        Ticket t = ticket(issueKey);
        synchronized (t) {
            return t.status;
        }
    }

    /** The transition ids posted to the request, in order, refused ones included. */
    public List<String> transitionsPosted(String issueKey) {
        return List.copyOf(ticket(issueKey).transitions);
    }

    /**
     * Holds the answer to every comment (recorded on arrival) for this long, as a slow JSM would: a sender that dies
     * meanwhile has posted the comment without learning so.
     */
    public void delayComments(Duration delay) {
        commentDelay = delay;
    }

    /** While true, every request is answered 503 (and counted). */
    public void unavailable(boolean down) {
        this.down = down;
    }

    /** How many requests arrived whose path starts with the prefix, 503s and refusals included. */
    public int served(String pathPrefix) {
        return (int) paths.stream().filter(p -> p.startsWith(pathPrefix)).count();
    }

    /** What Steward sent that breaks JSM's contract; empty when it behaved. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /**
     * Sends a Jira webhook (as JSM Automation's "Send web request" would) to Steward:
     * {@code {"webhookEvent":"jira:issue_created","issue":{"id":"1000n","key":"PRIV-n"}}}, signed
     * {@code X-Hub-Signature: sha256=<lowercase hex HMAC-SHA256(secret, body bytes)>}; a null secret sends no
     * signature. A key that was not added gets the id its number would have.
     */
    public Answer sendWebhook(URI url, byte[] secret, String issueKey) {
        Ticket t = byKeyOrId.get(issueKey);
        String id = t != null ? t.issueId : Integer.toString(10000 + number(issueKey));
        byte[] body = Json.createObjectBuilder().add("webhookEvent", "jira:issue_created")
                .add("issue", Json.createObjectBuilder().add("id", id).add("key", issueKey)).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(hmac(secret, body)));
        }
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int number(String issueKey) {
        try {
            return Integer.parseInt(issueKey.substring(issueKey.lastIndexOf('-') + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an issue key: " + issueKey, e);
        }
    }

    private Ticket ticket(String issueKey) {
        Ticket t = byKeyOrId.get(issueKey);
        if (t == null) {
            throw new IllegalArgumentException("No request " + issueKey + " was added");
        }
        return t;
    }

    /** An answer: status and JSON body (null for none). */
    private record Reply(int status, String body) {
    }

    /** A request that breaks the contract: recorded, and answered with JSM's error shape. */
    private final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Reply reply;

        Refused(HttpExchange ex, int status, String what) {
            super(what, null, false, false);
            violations.add(ex.getRequestMethod() + " " + ex.getRequestURI() + ": " + what);
            this.reply = error(status, what);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] raw = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getRawPath();
            paths.add(path);
            Reply reply;
            try {
                reply = answer(ex, path, raw);
            } catch (Refused r) {
                reply = r.reply;
            }
            if (path.endsWith("/comment") && "POST".equals(ex.getRequestMethod()) && !commentDelay.isZero()) {
                try {
                    Thread.sleep(commentDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            if (reply.body() == null) {
                ex.sendResponseHeaders(reply.status(), -1);
            } else {
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(reply.status(), body.length);
                ex.getResponseBody().write(body);
            }
        } catch (IOException e) {
            // Steward went away before the answer: nothing to answer.
        }
    }

    private Reply answer(HttpExchange ex, String path, byte[] raw) throws Refused {
        if (down) {
            return error(503, "Jira Service Management is unavailable");
        }
        String refusal = authenticate(ex);
        if (refusal != null) {
            return error(401, refusal);
        }
        String method = ex.getRequestMethod();
        if (!path.equals(API) && !path.startsWith(API + "/")) {
            throw new Refused(ex, 404, "no such endpoint");
        }
        if (path.equals(API)) {
            allow(ex, "GET");
            return list(ex);
        }
        String[] rest = path.substring(API.length() + 1).split("/", -1);
        if (rest[0].isEmpty() || rest.length > 2 || (rest.length == 2 && !Set.of("comment", "transition")
                .contains(rest[1]))) {
            throw new Refused(ex, 404, "no such endpoint");
        }
        if (rest.length == 1) {
            allow(ex, "GET");
        } else {
            allow(ex, "GET", "POST");
        }
        if ("POST".equals(method)) {
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
                throw new Refused(ex, 415, "a POST whose Content-Type is not application/json: " + type);
            }
        }
        Ticket t = byKeyOrId.get(URLDecoder.decode(rest[0], StandardCharsets.UTF_8));
        if (t == null) {
            return error(404, "The request " + rest[0] + " does not exist or you do not have permission to see it.");
        }
        if (rest.length == 1) {
            return new Reply(200, json(t).toString());
        }
        if ("comment".equals(rest[1])) {
            return "GET".equals(method) ? comments(ex, t) : comment(ex, t, raw);
        }
        return "GET".equals(method) ? transitions(t) : transition(ex, t, raw);
    }

    private void allow(HttpExchange ex, String... methods) throws Refused {
        if (!List.of(methods).contains(ex.getRequestMethod())) {
            throw new Refused(ex, 405, "the method is not one this endpoint takes (" + String.join(", ", methods)
                    + ")");
        }
    }

    /** Null when the credential is an expected one, else why not (a malformed one is also a violation). */
    private String authenticate(HttpExchange ex) {
        String where = ex.getRequestMethod() + " " + ex.getRequestURI() + ": ";
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            violations.add(where + "no Authorization header");
            return "Client must be authenticated to access this resource.";
        }
        if (authorization.startsWith("Basic ")) {
            String decoded;
            try {
                decoded = StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(Base64.getDecoder().decode(authorization.substring(6)))).toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                decoded = null;
            }
            if (decoded == null || decoded.indexOf(':') < 0) {
                violations.add(where + "Basic credentials that are not base64(email:apiToken)");
                return "Client must be authenticated to access this resource.";
            }
            return same(basic, decoded) ? null : "Basic authentication with the email and API token failed.";
        }
        if (authorization.startsWith("Bearer ") && !authorization.substring(7).isBlank()) {
            return same(bearer, authorization.substring(7)) ? null : "The access token is not valid.";
        }
        violations.add(where + "an Authorization that is neither \"Basic …\" nor \"Bearer …\": " + authorization);
        return "Client must be authenticated to access this resource.";
    }

    private static boolean same(String expected, String given) {
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code GET /rest/servicedeskapi/request}: newest first, filtered by service desk, request type, status and
     * search term. Only {@code requestOwnership=ALL_REQUESTS} reaches other people's requests: JSM's default
     * ({@code OWNED_REQUESTS}) and the other values give the caller's own, which are none.
     */
    private Reply list(HttpExchange ex) throws Refused {
        Map<String, List<String>> query = query(ex.getRequestURI().getRawQuery());
        int start = integer(ex, query, "start", 0, 0);
        int limit = Math.min(100, integer(ex, query, "limit", 50, 1));
        String serviceDeskId = single(ex, query, "serviceDeskId");
        if (serviceDeskId != null && !serviceDeskId.matches("[0-9]+")) {
            throw new Refused(ex, 400, "serviceDeskId is not a number: " + serviceDeskId);
        }
        String requestTypeId = single(ex, query, "requestTypeId");
        if (requestTypeId != null && !requestTypeId.matches("[0-9]+")) {
            throw new Refused(ex, 400, "requestTypeId is not a number: " + requestTypeId);
        }
        String requestStatus = single(ex, query, "requestStatus");
        if (requestStatus != null && !STATUSES.contains(requestStatus)) {
            throw new Refused(ex, 400, "requestStatus is not one of " + STATUSES + ": " + requestStatus);
        }
        List<String> ownership = new ArrayList<>();
        query.getOrDefault("requestOwnership", List.of()).forEach(v -> ownership.addAll(List.of(v.split(",", -1))));
        if (!OWNERSHIPS.containsAll(ownership)) {
            throw new Refused(ex, 400, "requestOwnership is not among " + OWNERSHIPS + ": " + ownership);
        }
        if (!ownership.contains("ALL_REQUESTS")) {
            violations.add(ex.getRequestMethod() + " " + ex.getRequestURI() + ": without requestOwnership="
                    + "ALL_REQUESTS JSM lists only the caller's own requests");
        }
        String searchTerm = single(ex, query, "searchTerm");
        String status = requestStatus == null ? "ALL_REQUESTS" : requestStatus;
        List<Ticket> found = ownership.contains("ALL_REQUESTS") ? tickets.stream()
                .filter(t -> serviceDeskId == null || serviceDeskId.equals(t.serviceDeskId))
                .filter(t -> requestTypeId == null || requestTypeId.equals(t.requestTypeId))
                .filter(t -> "ALL_REQUESTS".equals(status) || t.open() == "OPEN_REQUESTS".equals(status))
                .filter(t -> searchTerm == null || (t.summary != null && t.summary.toLowerCase(Locale.ROOT)
                        .contains(searchTerm.toLowerCase(Locale.ROOT))))
                .sorted(Comparator.comparingLong((Ticket t) -> t.created).reversed()).toList() : List.of();
        List<Ticket> slice = start >= found.size() ? List.of()
                : found.subList(start, Math.min(found.size(), start + limit));
        JsonArrayBuilder values = Json.createArrayBuilder();
        slice.forEach(t -> values.add(json(t)));
        return new Reply(200, Json.createObjectBuilder().add("size", slice.size()).add("start", start)
                .add("limit", limit).add("isLastPage", start + slice.size() >= found.size()).add("values", values)
                .build().toString());
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return query;
    }

    private String single(HttpExchange ex, Map<String, List<String>> query, String name) throws Refused {
        List<String> values = query.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw new Refused(ex, 400, name + " is given " + values.size() + " times");
        }
        return values.get(0);
    }

    private int integer(HttpExchange ex, Map<String, List<String>> query, String name, int absent, int min)
            throws Refused {
        String value = single(ex, query, name);
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Refused(ex, 400, name + " is not an integer of at least " + min + ": " + value);
    }

    /** {@code GET …/comment}: the request's comments, oldest first, paged ({@code start}, {@code limit}). */
    private Reply comments(HttpExchange ex, Ticket t) throws Refused {
        Map<String, List<String>> query = query(ex.getRequestURI().getRawQuery());
        int start = integer(ex, query, "start", 0, 0);
        int limit = Math.min(100, integer(ex, query, "limit", 50, 1));
        boolean publicOnly = !"false".equals(single(ex, query, "public"));
        List<Comment> all = t.comments.stream().filter(c -> !publicOnly || c.isPublic()).toList();
        List<Comment> slice = start >= all.size() ? List.of() : all.subList(start, Math.min(all.size(), start + limit));
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (Comment c : slice) {
            values.add(Json.createObjectBuilder().add("id", Integer.toString(all.indexOf(c) + 1)).add("body", c.body())
                    .add("public", c.isPublic()));
        }
        return new Reply(200, Json.createObjectBuilder().add("size", slice.size()).add("start", start)
                .add("limit", limit).add("isLastPage", start + slice.size() >= all.size()).add("values", values)
                .build().toString());
    }

    /** {@code POST …/comment} with exactly {@code {"body":"…","public":true|false}}. */
    private Reply comment(HttpExchange ex, Ticket t, byte[] raw) throws Refused {
        JsonObject body = object(ex, raw);
        if (!Set.of("body", "public").containsAll(body.keySet())) {
            throw new Refused(ex, 400, "the comment has members besides body and public: " + body.keySet());
        }
        String text = nonBlank(body, "body");
        if (text == null) {
            throw new Refused(ex, 400, "the comment has no body (or a blank one, or one that is not a string)");
        }
        JsonValue isPublic = body.get("public");
        if (isPublic != JsonValue.TRUE && isPublic != JsonValue.FALSE) {
            throw new Refused(ex, 400, "the comment's public is not a boolean: " + isPublic);
        }
        t.comments.add(new Comment(text, isPublic == JsonValue.TRUE, Instant.now()));
        return new Reply(201, Json.createObjectBuilder().add("id", Integer.toString(commentIds.incrementAndGet()))
                .add("body", text).add("public", isPublic).build().toString());
    }

    /** {@code GET …/transition}: resolve and cancel while the request is open, nothing once it is done. */
    private static Reply transitions(Ticket t) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        int size = 0;
        if (t.open()) {
            values.add(Json.createObjectBuilder().add("id", RESOLVE).add("name", "Resolve this issue"))
                    .add(Json.createObjectBuilder().add("id", CANCEL).add("name", "Cancel request"));
            size = 2;
        }
        return new Reply(200, Json.createObjectBuilder().add("size", size).add("start", 0).add("limit", 50)
                .add("isLastPage", true).add("values", values).build().toString());
    }

    /** {@code POST …/transition} with {@code {"id":"761"}} and an optional {@code "additionalComment":{"body":…}}. */
    private Reply transition(HttpExchange ex, Ticket t, byte[] raw) throws Refused {
        JsonObject body = object(ex, raw);
        if (!(body.get("id") instanceof JsonString posted)) {
            throw new Refused(ex, 400, "the transition has no id string: " + body.get("id"));
        }
        String id = posted.getString();
        t.transitions.add(id);
        if (!Set.of("id", "additionalComment").containsAll(body.keySet())) {
            throw new Refused(ex, 400, "the transition has members besides id and additionalComment: "
                    + body.keySet());
        }
        String comment = null;
        if (body.containsKey("additionalComment")) {
            if (!(body.get("additionalComment") instanceof JsonObject additional)
                    || !additional.keySet().equals(Set.of("body"))
                    || (comment = nonBlank(additional, "body")) == null) {
                throw new Refused(ex, 400, "additionalComment is not {\"body\":\"<text>\"}: "
                        + body.get("additionalComment"));
            }
        }
        synchronized (t) {
            if (!t.open()) {
                return error(400, "The request " + t.key + " is " + t.status + ": it has no transition " + id + ".");
            }
            if (!RESOLVE.equals(id) && !CANCEL.equals(id)) {
                throw new Refused(ex, 400, "transition " + id + " is not one that the request offers");
            }
            t.status = RESOLVE.equals(id) ? "Resolved" : "Canceled";
            t.category = "DONE";
            if (comment != null) {
                t.comments.add(new Comment(comment, true, Instant.now()));
            }
        }
        return new Reply(204, null);
    }

    private static String nonBlank(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    /** The body as one JSON object: UTF-8, no duplicate keys, nothing after it. */
    private JsonObject object(HttpExchange ex, byte[] raw) throws Refused {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(ex, 400, "the body is not UTF-8");
        }
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new Refused(ex, 400, "the body has content after its JSON value");
            }
            if (value instanceof JsonObject o) {
                return o;
            }
            throw new Refused(ex, 400, "the body is not a JSON object");
        } catch (RuntimeException e) {
            throw new Refused(ex, 400, "the body is not JSON: " + e.getMessage());
        }
    }

    private static JsonObject json(Ticket t) {
        Instant created = Instant.ofEpochMilli(t.created);
        LocalDate day = created.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String friendly = day.equals(today) ? "Today " + TIME.format(created)
                : day.equals(today.minusDays(1)) ? "Yesterday " + TIME.format(created) : DAY.format(created);
        JsonObjectBuilder reporter = Json.createObjectBuilder().add("accountId", t.reporter.accountId());
        if (t.reporter.emailAddress() != null) {
            reporter.add("emailAddress", t.reporter.emailAddress());
        }
        if (t.reporter.displayName() != null) {
            reporter.add("displayName", t.reporter.displayName());
        }
        reporter.add("active", true).add("timeZone", "UTC");
        String status;
        String category;
        synchronized (t) {
            status = t.status;
            category = t.category;
        }
        return Json.createObjectBuilder().add("issueId", t.issueId).add("issueKey", t.key)
                .add("requestTypeId", t.requestTypeId).add("serviceDeskId", t.serviceDeskId)
                .add("createdDate", Json.createObjectBuilder().add("iso8601", ISO.format(created))
                        .add("jira", JIRA.format(created)).add("friendly", friendly).add("epochMillis", t.created))
                .add("reporter", reporter)
                .add("requestFieldValues", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("fieldId", "summary").add("label", "Summary")
                        .add("value", t.summary == null ? JsonValue.NULL : Json.createValue(t.summary))))
                .add("currentStatus", Json.createObjectBuilder().add("status", status).add("statusCategory", category))
                .build();
    }

    private static Reply error(int status, String message) {
        return new Reply(status, Json.createObjectBuilder().add("errorMessage", message).build().toString());
    }

    private static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
