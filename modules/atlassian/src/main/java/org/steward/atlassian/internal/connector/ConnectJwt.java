package org.steward.atlassian.internal.connector;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Atlassian Connect JWT an app sends with each REST call to the product: HS256 with the installation's shared
 * secret, bound to the one request by its query string hash ({@code qsh}), so that a token seen in a log or a proxy
 * cannot be replayed against another resource. Written by hand on the JDK because the token is this small and the
 * module takes no JWT library; {@link #verify} checks such a token as the product does, so that tests can show
 * what the product will accept.
 *
 * <p>The canonical request follows Atlassian's "Understanding JWT for Connect apps": the upper-cased method, the
 * path relative to the tenant's base URL and the sorted, percent-encoded query without {@code jwt}, joined by
 * {@code &}.
 */
public final class ConnectJwt {

    /** Clock difference between the product and this server that {@link #verify} tolerates on {@code exp}. */
    static final Duration SKEW = Duration.ofSeconds(60);

    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private ConnectJwt() {
    }

    /** The claims of a verified token. */
    public record Claims(String iss, long iat, long exp, String qsh) {
    }

    /**
     * The query string hash of a request: lowercase hex SHA-256 of its canonical request.
     *
     * @param path     the path after the tenant base URL (its context path excluded), e.g.
     *                 {@code /rest/atlassian-connect/latest/report-accounts}
     * @param rawQuery the query as sent (still percent-encoded), without {@code ?}; may be null or empty
     */
    public static String qsh(String method, String path, String rawQuery) {
        return hex(sha256(canonicalRequest(method, path, rawQuery).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code METHOD&uri&query}, the text {@link #qsh} hashes. */
    static String canonicalRequest(String method, String path, String rawQuery) {
        Objects.requireNonNull(method, "method");
        return method.toUpperCase(Locale.ROOT) + '&' + canonicalUri(path) + '&' + canonicalQuery(rawQuery);
    }

    static String canonicalUri(String path) {
        String uri = path == null ? "" : path;
        if (!uri.startsWith("/")) {
            uri = "/" + uri;
        }
        if (uri.length() > 1 && uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        return uri.replace("&", "%26");
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        Map<String, List<String>> parameters = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!name.equals("jwt")) {
                parameters.computeIfAbsent(percentEncode(name), n -> new ArrayList<>()).add(percentEncode(value));
            }
        }
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, values) -> {
            values.sort(null);
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(name).append('=').append(String.join(",", values));
        });
        return query.toString();
    }

    /** RFC 3986 percent-encoding, as the canonical query requires (a space is {@code %20}, not {@code +}). */
    static String percentEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    /**
     * A token for one request, valid from {@code now} for {@code ttl}.
     *
     * @param issuer the app key (Connect's {@code iss} for app → product calls)
     */
    public static String sign(String issuer, byte[] sharedSecret, String method, String path, String rawQuery,
                              Instant now, Duration ttl) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(now, "now");
        requireSecret(sharedSecret);
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        long iat = now.getEpochSecond();
        long exp = Math.addExact(iat, ttl.toSeconds());
        String claims = "{\"iss\":" + jsonString(issuer) + ",\"iat\":" + iat + ",\"exp\":" + exp + ",\"qsh\":"
                + jsonString(qsh(method, path, rawQuery)) + "}";
        String signingInput = encode(HEADER) + '.' + encode(claims);
        return signingInput + '.' + B64.encodeToString(hmac(sharedSecret, signingInput));
    }

    /**
     * Checks a token against the request it came with and returns its claims.
     *
     * @throws IllegalArgumentException with a short reason (never the token) if the token is malformed, not HS256,
     *                                  wrongly signed, expired (beyond {@link #SKEW}) or for another request
     */
    public static Claims verify(String jwt, byte[] sharedSecret, String method, String path, String rawQuery,
                                Instant now) {
        requireSecret(sharedSecret);
        Objects.requireNonNull(now, "now");
        if (jwt == null) {
            throw new IllegalArgumentException("no token");
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS");
        }
        Map<String, Object> header = Json.parse(decode(parts[0], "header"));
        if (!"HS256".equals(header.get("alg"))) {
            throw new IllegalArgumentException("alg is not HS256");
        }
        byte[] signature = decodeBytes(parts[2], "signature");
        byte[] expected = hmac(sharedSecret, parts[0] + '.' + parts[1]);
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new IllegalArgumentException("bad signature");
        }
        Map<String, Object> claims = Json.parse(decode(parts[1], "claims"));
        Claims verified = new Claims(string(claims, "iss"), number(claims, "iat"), number(claims, "exp"),
                string(claims, "qsh"));
        if (now.getEpochSecond() - SKEW.toSeconds() > verified.exp()) {
            throw new IllegalArgumentException("expired");
        }
        if (!verified.qsh().equals(qsh(method, path, rawQuery))) {
            throw new IllegalArgumentException("qsh does not match the request");
        }
        return verified;
    }

    private static void requireSecret(byte[] sharedSecret) {
        if (sharedSecret == null || sharedSecret.length == 0) {
            throw new IllegalArgumentException("no shared secret");
        }
    }

    private static String string(Map<String, Object> claims, String name) {
        if (claims.get(name) instanceof String value) {
            return value;
        }
        throw new IllegalArgumentException("claim " + name + " missing or not a string");
    }

    private static long number(Map<String, Object> claims, String name) {
        if (claims.get(name) instanceof Long value) {
            return value;
        }
        throw new IllegalArgumentException("claim " + name + " missing or not an integer");
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part, String what) {
        return new String(decodeBytes(part, what), StandardCharsets.UTF_8);
    }

    private static byte[] decodeBytes(String part, String what) {
        byte[] bytes;
        try {
            bytes = B64_DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64url", e);
        }
        // The decoder ignores stray low bits in the last character: only the one encoding is accepted.
        if (!B64.encodeToString(bytes).equals(part)) {
            throw new IllegalArgumentException(what + " is not canonical base64url");
        }
        return bytes;
    }

    private static byte[] hmac(byte[] secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    static String jsonString(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /**
     * Reads the one shape a Connect header or claims set needs here: a flat object whose values are strings or
     * integers. Anything else (nesting, fractions, duplicate names) is refused rather than guessed at.
     */
    static final class Json {

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Map<String, Object> parse(String text) {
            Json json = new Json(text);
            json.space();
            Map<String, Object> object = json.object();
            json.space();
            if (json.at != text.length()) {
                throw json.fail();
            }
            return object;
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new HashMap<>();
            expect('{');
            space();
            if (peek() == '}') {
                at++;
                return object;
            }
            while (true) {
                space();
                String name = string();
                space();
                expect(':');
                space();
                Object value = peek() == '"' ? string() : integer();
                if (object.put(name, value) != null) {
                    throw new IllegalArgumentException("duplicate JSON member");
                }
                space();
                char next = next();
                if (next == '}') {
                    return object;
                }
                if (next != ',') {
                    throw fail();
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c < 0x20) {
                    throw fail();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw fail();
                        }
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int digit = Character.digit(text.charAt(at++), 16);
                            if (digit < 0) {
                                throw fail();
                            }
                            code = code * 16 + digit;
                        }
                        value.append((char) code);
                    }
                    default -> throw fail();
                }
            }
        }

        private Long integer() {
            int start = at;
            if (peek() == '-') {
                at++;
            }
            int digits = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            if (at == digits || (text.charAt(digits) == '0' && at - digits > 1)) {
                throw fail();
            }
            try {
                return Long.parseLong(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw fail();
            }
        }

        private void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw fail();
            }
            return text.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw fail();
            }
        }

        private IllegalArgumentException fail() {
            return new IllegalArgumentException("unsupported JSON at offset " + at);
        }
    }
}
