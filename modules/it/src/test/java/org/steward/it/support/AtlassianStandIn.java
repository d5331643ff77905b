package org.steward.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Atlassian's personal data reporting API on 127.0.0.1 for the integration tests, so that they can prove Steward
 * follows Atlassian's contract without reaching Atlassian. It takes reports at {@code POST /app/report-accounts/}
 * (OAuth 2.0 apps, {@code Authorization: Bearer}) and {@code POST /rest/atlassian-connect/latest/report-accounts}
 * (Connect apps, {@code Authorization: JWT}, HS256 with a query string hash that it computes itself, not with
 * Steward's code), and answers as Atlassian does: 401 for a missing or wrong credential, 400 for a malformed batch,
 * 200 with the accounts to close or update, or 204, with the {@code Cycle-Period} header when told to send one.
 * <p>
 * It is strict on purpose: whatever Steward sends that breaks the contract (a missing or ill-formed
 * {@code Authorization}, a JWT without its mandatory claims or with a wrong {@code qsh}, a body that is not exactly
 * the documented shape, another path or method) is refused and listed in {@link #violations()}, which a test expects
 * to be empty. A credential that is well formed but not the expected one (a wrong token or secret, another issuer, an
 * expired JWT) is refused without a violation: a test may arrange that on purpose.
 */
public final class AtlassianStandIn implements AutoCloseable {

    public static final String OAUTH_PATH = "/app/report-accounts/";
    public static final String CONNECT_PATH = "/rest/atlassian-connect/latest/report-accounts";
    public static final String TOKEN_PATH = "/oauth/token";
    /** Atlassian's limit on the accounts of one report. */
    public static final int MAX_ACCOUNTS = 90;
    /** Atlassian's limit on the length of an account id. */
    public static final int MAX_ACCOUNT_ID_LENGTH = 128;

    /** One reported account, as it was sent (fields that were not strings are null). */
    public record Account(String accountId, String updatedAt) {
    }

    /**
     * One request as it arrived: {@code mode} is "OAUTH" or "CONNECT" after its path (null for any other path), with
     * the accounts that could be read from its body, the status it was answered with and whether its credential held.
     */
    public record Batch(String mode, List<Account> accounts, int status, boolean authValid, Instant at) {
        public Batch {
            accounts = List.copyOf(accounts);
        }
    }

    /** A scripted answer, given instead of the normal one to a request that passed the checks. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public Reply {
            headers = Map.copyOf(headers);
            body = body == null ? "" : body;
        }

        /** An answer with this status and an empty body. */
        public static Reply status(int status) {
            return new Reply(status, Map.of(), "");
        }

        public Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body);
        }

        /** This JSON as the body, with {@code Content-Type: application/json}. */
        public Reply json(String json) {
            return header("Content-Type", "application/json").withBody(json);
        }

        private Reply withBody(String b) {
            return new Reply(status, headers, b);
        }
    }

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final JsonParserFactory JSON = Json.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE, "org.eclipse.parsson.rejectDuplicateKeys", true));

    private final HttpServer server;
    // A thread per request: an API that holds its answers must not also queue them (a queued request can outlast the caller's timeout).
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Object lock = new Object();
    private final List<Batch> received = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, String> marks = new ConcurrentHashMap<>();
    private final Deque<Reply> scripts = new ConcurrentLinkedDeque<>();
    private volatile String cyclePeriod;
    private volatile Duration delay = Duration.ZERO;
    private volatile String bearer;
    private volatile String connectIssuer;
    private volatile byte[] connectSecret;
    // OAuth 2.0 token endpoint: the client, the one refresh token that works now, and every one already used
    private volatile String clientId;
    private volatile String clientSecret;
    private volatile String refreshToken;
    private final List<String> usedRefreshTokens = new CopyOnWriteArrayList<>();
    private final List<Instant> tokenRequests = new CopyOnWriteArrayList<>();

    public AtlassianStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash: the base that both paths are relative to. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The OAuth 2.0 access token that reports to {@link #OAUTH_PATH} must carry. */
    public void expectBearer(String token) {
        bearer = token;
    }

    /** The Connect app's key (the JWT's {@code iss}) and the shared secret its JWTs must be signed with. */
    public void expectConnect(String issuer, byte[] sharedSecret) {
        connectIssuer = issuer;
        connectSecret = sharedSecret == null ? null : sharedSecret.clone();
    }

    /** Every report that holds this account answers it as {@code closed} (erase its personal data). */
    public void closed(String accountId) {
        marks.put(accountId, "closed");
    }

    /** Every report that holds this account answers it as {@code updated} (refresh its personal data). */
    public void updated(String accountId) {
        marks.put(accountId, "updated");
    }

    /** The {@code Cycle-Period} header of every 200 and 204; null sends none. */
    public void cyclePeriod(String headerValue) {
        cyclePeriod = headerValue;
    }

    /**
     * Holds every answer to a report (recorded on arrival) for this long, as a slow API would: a sender that dies
     * meanwhile has sent the batch without learning its answer.
     */
    public void delay(Duration d) {
        delay = d;
    }

    /** Answers the next requests that pass the checks with these replies, in order, one each. */
    public void script(Reply... replies) {
        scripts.addAll(List.of(replies));
    }

    /** Every request, in arrival order. */
    /** Drops the scripted replies not yet answered: the next requests get the normal answer again. */
    public void clearScript() {
        scripts.clear();
    }

    public List<Batch> received() {
        return List.copyOf(received);
    }

    /** The requests answered 200 or 204. */
    public List<Batch> accepted() {
        return received.stream().filter(b -> b.status() == 200 || b.status() == 204).toList();
    }

    /** Account id to the number of accepted batches that held it. */
    public Map<String, Integer> acceptedCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Batch b : accepted()) {
            b.accounts().stream().map(Account::accountId).distinct().forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        return counts;
    }

    /** What Steward sent that breaks Atlassian's contract; empty when it behaved. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Forgets the requests, violations, marks, scripted replies and the Cycle-Period header (not the credentials). */
    public void reset() {
        synchronized (lock) {
            received.clear();
            violations.clear();
            marks.clear();
            scripts.clear();
            cyclePeriod = null;
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] raw = ex.getRequestBody().readAllBytes();
            Answer answer;
            synchronized (lock) {
                answer = decide(ex, raw);
            }
            if (!delay.isZero() && !TOKEN_PATH.equals(ex.getRequestURI().getRawPath())) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            boolean empty = answer.status() == 204 || answer.status() == 304 || body.length == 0;
            ex.sendResponseHeaders(answer.status(), empty ? -1 : body.length);
            if (!empty) {
                ex.getResponseBody().write(body);
            }
        } catch (IOException e) {
            // Steward went away before the answer: nothing to answer.
        }
    }

    /**
     * Atlassian's OAuth 2.0 token endpoint for this client: a {@code refresh_token} grant with the current refresh
     * token buys an access token (the only bearer token reports are then accepted with) and a new refresh token;
     * the old one is spent (rotating refresh tokens), and presenting it again is a violation.
     */
    public void expectOAuthClient(String clientId, String clientSecret, String refreshToken) {
        synchronized (lock) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.refreshToken = refreshToken;
            this.bearer = null;
        }
    }

    /** When each token request came (valid or not). */
    public List<Instant> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** The token endpoint forgets the current refresh token, as Atlassian does when a grant is revoked. */
    public void revokeRefreshToken() {
        synchronized (lock) {
            refreshToken = null;
        }
    }

    private Answer token(String where, String method, Parsed ignored, byte[] raw) {
        tokenRequests.add(Instant.now());
        if (!"POST".equals(method)) {
            violations.add(where + ": the token endpoint takes POST only");
            return oauthError(405, "invalid_request", "POST only");
        }
        jakarta.json.JsonObject o;
        try (jakarta.json.JsonReader r = Json.createReader(new java.io.ByteArrayInputStream(raw))) {
            o = r.readObject();
        } catch (RuntimeException e) {
            violations.add(where + ": a token request that is not a JSON object");
            return oauthError(400, "invalid_request", "not JSON");
        }
        if (!"refresh_token".equals(o.getString("grant_type", null))) {
            violations.add(where + ": grant_type is not refresh_token");
            return oauthError(400, "unsupported_grant_type", "refresh_token only");
        }
        if (clientId == null || !clientId.equals(o.getString("client_id", null))
                || !clientSecret.equals(o.getString("client_secret", null))) {
            return oauthError(401, "access_denied", "Unauthorized");
        }
        String given = o.getString("refresh_token", null);
        if (given != null && usedRefreshTokens.contains(given)) {
            violations.add(where + ": a refresh token presented again after it was rotated");
            return oauthError(403, "unauthorized_client", "refresh_token is invalid");
        }
        if (given == null || !given.equals(refreshToken)) {
            return oauthError(403, "unauthorized_client", "refresh_token is invalid");
        }
        usedRefreshTokens.add(given);
        refreshToken = "rt-" + java.util.UUID.randomUUID();
        bearer = "at-" + java.util.UUID.randomUUID();
        return new Answer(200, Map.of("Content-Type", "application/json"), Json.createObjectBuilder()
                .add("access_token", bearer).add("expires_in", 3600).add("scope", "report:personal-data offline_access")
                .add("refresh_token", refreshToken).build().toString());
    }

    private static Answer oauthError(int status, String error, String description) {
        return new Answer(status, Map.of("Content-Type", "application/json"), Json.createObjectBuilder()
                .add("error", error).add("error_description", description).build().toString());
    }

    /** Checks one request, records it and chooses its answer (under the lock: scripts and marks are consumed here). */
    private Answer decide(HttpExchange ex, byte[] raw) {
        Instant at = Instant.now();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        if (TOKEN_PATH.equals(path)) {
            return token(method + " " + path, method, null, raw);
        }
        String mode = OAUTH_PATH.equals(path) ? "OAUTH" : CONNECT_PATH.equals(path) ? "CONNECT" : null;
        String where = method + " " + ex.getRequestURI();
        Parsed parsed = parse(ex.getRequestHeaders().getFirst("Content-Type"), raw);
        if (mode == null) {
            violations.add(where + ": no such endpoint");
            return record(mode, parsed, at, false, error(404, "not_found", "No endpoint at " + path));
        }
        if (!"POST".equals(method)) {
            violations.add(where + ": the reporting API takes POST only");
            return record(mode, parsed, at, false, error(405, "invalid", "Method " + method + " is not allowed"));
        }
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        String refusal = "OAUTH".equals(mode) ? checkBearer(where, authorization)
                : checkJwt(where, authorization, method, path, ex.getRequestURI().getRawQuery());
        if (refusal != null) {
            return record(mode, parsed, at, false, error(401, "unauthorized", refusal));
        }
        if (parsed.problem() != null) {
            violations.add(where + ": " + parsed.problem());
            return record(mode, parsed, at, true, error(400, "invalid", parsed.problem()));
        }
        Reply scripted = scripts.poll();
        if (scripted != null) {
            Map<String, String> headers = new LinkedHashMap<>(scripted.headers());
            boolean ok = scripted.status() == 200 || scripted.status() == 204;
            if (ok && cyclePeriod != null && headers.keySet().stream().noneMatch("Cycle-Period"::equalsIgnoreCase)) {
                headers.put("Cycle-Period", cyclePeriod);
            }
            return record(mode, parsed, at, true, new Answer(scripted.status(), headers, scripted.body()));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (cyclePeriod != null) {
            headers.put("Cycle-Period", cyclePeriod);
        }
        JsonArrayBuilder accounts = Json.createArrayBuilder();
        int marked = 0;
        for (Account a : parsed.accounts()) {
            String status = marks.get(a.accountId());
            if (status != null) {
                accounts.add(Json.createObjectBuilder().add("accountId", a.accountId()).add("status", status));
                marked++;
            }
        }
        if (marked == 0) {
            return record(mode, parsed, at, true, new Answer(204, headers, ""));
        }
        headers.put("Content-Type", "application/json");
        return record(mode, parsed, at, true, new Answer(200, headers,
                Json.createObjectBuilder().add("accounts", accounts).build().toString()));
    }

    private Answer record(String mode, Parsed parsed, Instant at, boolean authValid, Answer answer) {
        received.add(new Batch(mode, parsed.accounts(), answer.status(), authValid, at));
        return answer;
    }

    private static Answer error(int status, String type, String message) {
        return new Answer(status, Map.of("Content-Type", "application/json"), Json.createObjectBuilder()
                .add("errorType", type).add("errorMessage", message).build().toString());
    }

    /** Null when the bearer token is the expected one, else why not (a malformed header is also a violation). */
    private String checkBearer(String where, String authorization) {
        if (authorization == null) {
            return violation(where, "OAuth report without an Authorization header");
        }
        if (!authorization.startsWith("Bearer ") || authorization.length() == 7
                || authorization.substring(7).isBlank()) {
            return violation(where, "OAuth report whose Authorization is not \"Bearer <token>\": " + authorization);
        }
        String expected = bearer;
        if (expected == null || !MessageDigest.isEqual(authorization.substring(7).getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return "The access token is not valid";
        }
        return null;
    }

    /**
     * Null when the Connect JWT holds: HS256 under the expected shared secret, {@code iss} the expected app key,
     * {@code iat} and {@code exp} present, {@code exp} in the future and {@code qsh} the hash of this request. A token
     * that breaks the Connect format (rather than carrying another key, secret or time) is also a violation.
     */
    private String checkJwt(String where, String authorization, String method, String rawPath,
                            String rawQuery) {
        if (authorization == null) {
            return violation(where, "Connect report without an Authorization header");
        }
        if (!authorization.startsWith("JWT ")) {
            return violation(where, "Connect report whose Authorization is not \"JWT <token>\": " + authorization);
        }
        String[] parts = authorization.substring(4).split("\\.", -1);
        if (parts.length != 3 || !BASE64URL.matcher(parts[0]).matches() || !BASE64URL.matcher(parts[1]).matches()
                || !BASE64URL.matcher(parts[2]).matches()) {
            return violation(where, "Connect JWT is not three unpadded base64url parts");
        }
        JsonObject header;
        JsonObject claims;
        try {
            header = object(Base64.getUrlDecoder().decode(parts[0]));
            claims = object(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            return violation(where, "Connect JWT header or claims are not a JSON object: " + e.getMessage());
        }
        if (!"HS256".equals(string(header, "alg"))) {
            return violation(where, "Connect JWT alg is not HS256: " + header.get("alg"));
        }
        if (header.containsKey("typ") && !"JWT".equals(string(header, "typ"))) {
            return violation(where, "Connect JWT typ is not \"JWT\": " + header.get("typ"));
        }
        String iss = string(claims, "iss");
        String qsh = string(claims, "qsh");
        if (iss == null || qsh == null || !(claims.get("iat") instanceof JsonNumber)
                || !(claims.get("exp") instanceof JsonNumber exp)) {
            return violation(where, "Connect JWT lacks one of its mandatory claims iss, iat, exp, qsh (as string, "
                    + "number, number, string): " + claims);
        }
        String expectedQsh = qsh(method, rawPath, rawQuery);
        if (!expectedQsh.equals(qsh)) {
            return violation(where, "Connect JWT qsh is " + qsh + ", not " + expectedQsh + ", the hash of \""
                    + canonicalRequest(method, rawPath, rawQuery) + "\"");
        }
        byte[] secret = connectSecret;
        if (secret == null || !MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(secret, parts[0] + "." + parts[1]))
                        .getBytes(StandardCharsets.US_ASCII))) {
            return "The JWT signature does not verify with the app's shared secret";
        }
        if (!iss.equals(connectIssuer)) {
            return "The JWT issuer " + iss + " is not an installed app";
        }
        if (exp.longValue() <= Instant.now().getEpochSecond()) {
            return "The JWT expired at " + Instant.ofEpochSecond(exp.longValue());
        }
        if (claims.get("nbf") instanceof JsonNumber nbf && nbf.longValue() > Instant.now().getEpochSecond()) {
            return "The JWT is not valid before " + Instant.ofEpochSecond(nbf.longValue());
        }
        return null;
    }

    private String violation(String where, String what) {
        violations.add(where + ": " + what);
        return what;
    }

    /**
     * The query string hash of Atlassian's "Understanding JWT for Connect apps": the lowercase hex SHA-256 of the
     * canonical request.
     */
    static String qsh(String method, String rawPath, String rawQuery) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest(method, rawPath, rawQuery).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Upper-cased method {@code &} canonical path (no trailing slash unless it is "/", {@code &} as {@code %26})
     * {@code &} canonical query (the parameters but {@code jwt}, sorted by their percent-encoded names, each
     * {@code name=value} with repeated values sorted and joined by ",", all joined by {@code &}).
     */
    static String canonicalRequest(String method, String rawPath, String rawQuery) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        path = path.replace("&", "%26");
        Map<String, List<String>> params = new TreeMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!"jwt".equals(name)) {
                    params.computeIfAbsent(percentEncode(name), n -> new ArrayList<>()).add(percentEncode(value));
                }
            }
        }
        StringBuilder query = new StringBuilder();
        params.forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(name).append('=').append(String.join(",", sorted));
        });
        return method.toUpperCase(Locale.ROOT) + "&" + path + "&" + query;
    }

    /** RFC 3986: everything but the unreserved characters as %XX of its UTF-8 bytes (a space is %20). */
    static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] hmac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The accounts read from a body, and what breaks the contract in it (null when nothing does). */
    private record Parsed(List<Account> accounts, String problem) {
    }

    /** Reads a report strictly: exactly {"accounts":[{"accountId":…,"updatedAt":…}, …]} and nothing else. */
    private static Parsed parse(String contentType, byte[] raw) {
        JsonValue value;
        try {
            value = json(raw);
        } catch (IllegalArgumentException e) {
            return new Parsed(List.of(), "the body is not JSON: " + e.getMessage());
        }
        List<Account> accounts = new ArrayList<>();
        JsonArray array = value instanceof JsonObject o && o.get("accounts") instanceof JsonArray a ? a : null;
        if (array != null) {
            for (JsonValue v : array) {
                if (v instanceof JsonObject item) {
                    accounts.add(new Account(string(item, "accountId"), string(item, "updatedAt")));
                }
            }
        }
        return new Parsed(accounts, problem(contentType, value, array));
    }

    private static String problem(String contentType, JsonValue value, JsonArray array) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            return "the Content-Type is not application/json: " + contentType;
        }
        if (!(value instanceof JsonObject body) || array == null) {
            return "the body is not an object with an \"accounts\" array";
        }
        if (!body.keySet().equals(Set.of("accounts"))) {
            return "the body has members besides \"accounts\": " + body.keySet();
        }
        if (array.isEmpty()) {
            return "the report holds no accounts";
        }
        if (array.size() > MAX_ACCOUNTS) {
            return "the report holds " + array.size() + " accounts, more than " + MAX_ACCOUNTS;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject item)) {
                return "accounts[" + i + "] is not an object";
            }
            if (!Set.of("accountId", "updatedAt").containsAll(item.keySet())) {
                return "accounts[" + i + "] has members besides accountId and updatedAt: " + item.keySet();
            }
            if (!(item.get("accountId") instanceof JsonString id) || id.getString().isBlank()) {
                return "accounts[" + i + "] has no accountId (or a blank one, or one that is not a string)";
            }
            String accountId = id.getString();
            if ("unknown".equals(accountId)) {
                return "accounts[" + i + "] has the accountId \"unknown\"";
            }
            if (accountId.length() > MAX_ACCOUNT_ID_LENGTH) {
                return "accounts[" + i + "] has an accountId longer than " + MAX_ACCOUNT_ID_LENGTH;
            }
            if (!seen.add(accountId)) {
                return "accounts[" + i + "] repeats the accountId " + accountId + " within the report";
            }
            if (!(item.get("updatedAt") instanceof JsonString updated)) {
                return "accounts[" + i + "] has no updatedAt string";
            }
            try {
                Instant.parse(updated.getString());
            } catch (DateTimeParseException e) {
                return "accounts[" + i + "] has an updatedAt that is not an ISO-8601 instant: " + updated.getString();
            }
        }
        return null;
    }

    /** One JSON value in UTF-8, no duplicate keys and nothing after it. */
    private static JsonValue json(byte[] raw) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new IllegalArgumentException("content after the JSON value");
            }
            return value;
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static JsonObject object(byte[] raw) {
        if (json(raw) instanceof JsonObject o) {
            return o;
        }
        throw new IllegalArgumentException("not an object");
    }

    private static String string(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
