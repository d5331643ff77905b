package org.steward.sharing.internal.connector;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Steward-Signature} header of webhooks and callbacks: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over
 * {@code "<t>.<raw body>"}. Signing the timestamp with the body lets a receiver refuse a replayed request once it is
 * older than the tolerance; replays inside the tolerance are the caller's to refuse, by storing {@link Verified#v1()}.
 *
 * <p>The clock is never read here: the caller passes "now", so verification is deterministic and testable.
 */
public final class WebhookSignature {

    /** The header that carries the signature. */
    public static final String HEADER = "Steward-Signature";

    /** How far a signature's timestamp may be from "now", either way, unless the caller says otherwise. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** Marks an encoded secret on screen and in configuration, so it is recognised (and redacted) as one. */
    public static final String SECRET_PREFIX = "whsec_";

    /** The length of a new secret: the HMAC-SHA256 block's worth of entropy that a guess cannot reach. */
    public static final int SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_HEX_LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private WebhookSignature() {
    }

    /** Why a signature was refused. The receiver answers all of them the same way; the reason is for its log. */
    public enum Reason {
        /** No header, or an empty one. */
        MISSING,
        /** Not {@code t=<digits>} once with one or more {@code v1=<64 hex>}. */
        MALFORMED,
        /** No {@code v1} is the HMAC of this body and timestamp under this secret. */
        MISMATCH,
        /** Authentic, but signed longer ago than the tolerance: a replay or a sender's slow clock. */
        TOO_OLD,
        /** Authentic, but signed further ahead than the tolerance: a sender's fast clock. */
        IN_THE_FUTURE
    }

    /**
     * A signature that matched and is fresh.
     *
     * @param signedAt the signed timestamp
     * @param v1       the matching signature, lowercase hex: unique per secret, timestamp and body, so a caller keeps
     *                 it (for the tolerance) as the key that refuses a replay
     */
    public record Verified(Instant signedAt, String v1) {

        public Verified {
            Objects.requireNonNull(signedAt, "signedAt");
            Objects.requireNonNull(v1, "v1");
        }
    }

    /**
     * A refused signature. Checked, so a caller cannot forget that verification fails; the message names the reason
     * only, never the header, the body or the secret.
     */
    public static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        private final Reason reason;

        public Refused(Reason reason) {
            super("Webhook signature refused: " + Objects.requireNonNull(reason, "reason"), null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * The header value that signs {@code body} at {@code unixSeconds}.
     *
     * @throws IllegalArgumentException if the secret is empty or the timestamp negative (it would not verify)
     */
    public static String sign(byte[] secret, long unixSeconds, byte[] body) {
        Objects.requireNonNull(body, "body");
        if (unixSeconds < 0) {
            throw new IllegalArgumentException("The timestamp must not be negative");
        }
        return "t=" + unixSeconds + ",v1=" + hex(mac(secret, unixSeconds, body));
    }

    /**
     * Checks {@code header} against {@code body}: the format strictly (exactly one {@code t}, one or more {@code v1},
     * other keys ignored so the scheme can grow), then the HMAC in constant time, then the timestamp against
     * {@code now} within {@code tolerance} (inclusive) either way. Authenticity comes before freshness, so
     * {@link Reason#TOO_OLD} and {@link Reason#IN_THE_FUTURE} only ever describe genuine requests.
     *
     * @throws Refused                  if the signature does not hold
     * @throws IllegalArgumentException if the secret is empty or the tolerance negative
     */
    public static Verified verify(byte[] secret, String header, byte[] body, Instant now, Duration tolerance)
            throws Refused {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("The tolerance must not be negative");
        }
        requireSecret(secret);
        if (header == null || header.isBlank()) {
            throw new Refused(Reason.MISSING);
        }
        Parsed parsed = parse(header.strip());
        byte[] expected = mac(secret, parsed.timestamp(), body);
        String matched = null;
        for (String candidate : parsed.v1()) {
            // Every candidate is compared, so the time taken does not tell which one (if any) matched.
            if (MessageDigest.isEqual(expected, unhex(candidate)) && matched == null) {
                matched = candidate.toLowerCase(Locale.ROOT);
            }
        }
        if (matched == null) {
            throw new Refused(Reason.MISMATCH);
        }
        if (parsed.timestamp() > Instant.MAX.getEpochSecond()) {
            throw new Refused(Reason.IN_THE_FUTURE);
        }
        Instant signedAt = Instant.ofEpochSecond(parsed.timestamp());
        if (signedAt.isBefore(now.minus(tolerance))) {
            throw new Refused(Reason.TOO_OLD);
        }
        if (signedAt.isAfter(now.plus(tolerance))) {
            throw new Refused(Reason.IN_THE_FUTURE);
        }
        return new Verified(signedAt, matched);
    }

    /** A new secret from {@link SecureRandom}: {@value #SECRET_BYTES} bytes. */
    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret for display and configuration: {@value #SECRET_PREFIX} then base64url without padding. */
    public static String encodeSecret(byte[] secret) {
        requireSecret(secret);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * The secret of {@link #encodeSecret}; the prefix may be left off (a value pasted without it).
     *
     * @throws IllegalArgumentException if it is not base64url without padding, or empty; the message never quotes it
     */
    public static byte[] decodeSecret(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        String text = encoded.startsWith(SECRET_PREFIX) ? encoded.substring(SECRET_PREFIX.length()) : encoded;
        if (text.isEmpty() || !text.chars().allMatch(WebhookSignature::isBase64Url)) {
            throw new IllegalArgumentException("A webhook secret must be base64url without padding");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A webhook secret must be base64url without padding");
        }
    }

    private record Parsed(long timestamp, List<String> v1) {
    }

    private static Parsed parse(String header) throws Refused {
        Long timestamp = null;
        List<String> v1 = new ArrayList<>();
        for (String element : header.split(",", -1)) {
            int eq = element.indexOf('=');
            if (eq <= 0) {
                throw new Refused(Reason.MALFORMED);
            }
            String key = element.substring(0, eq);
            String value = element.substring(eq + 1);
            if (key.equals("t")) {
                if (timestamp != null || value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new Refused(Reason.MALFORMED);
                }
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new Refused(Reason.MALFORMED);
                }
            } else if (key.equals("v1")) {
                if (value.length() != MAC_HEX_LENGTH || !value.chars().allMatch(WebhookSignature::isHex)) {
                    throw new Refused(Reason.MALFORMED);
                }
                v1.add(value);
            }
        }
        if (timestamp == null || v1.isEmpty()) {
            throw new Refused(Reason.MALFORMED);
        }
        return new Parsed(timestamp, v1);
    }

    private static byte[] mac(byte[] secret, long unixSeconds, byte[] body) {
        requireSecret(secret);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static void requireSecret(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("The webhook secret must not be empty");
        }
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    private static byte[] unhex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Character.digit(hex.charAt(2 * i), 16) << 4 | Character.digit(hex.charAt(2 * i + 1), 16));
        }
        return out;
    }
}
