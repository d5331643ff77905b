package org.steward.consent.internal.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed token of an unsubscribe link: {@code v2.<payload>.<mac>}, base64url, where the payload names the
 * subject, the purpose and the issue time, and the MAC is HMAC-SHA-256 under a server key. HMAC rather than a
 * signature: only this server ever checks these tokens, and the link stays short enough for every mail client.
 *
 * <p>A token does not expire: mail is read, and its List-Unsubscribe header used (RFC 8058), years after it was sent,
 * and the link only ever withdraws. Tokens of format {@code v1} (minted before, with an expiry time as a fourth
 * field) are still accepted, their expiry ignored.
 */
public final class UnsubscribeToken {

    private static final String VERSION = "v2";
    private static final String LEGACY = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public record Claims(String subjectId, String purposeKey, Instant issuedAt) {
    }

    /** Why a token was refused; the message is safe to show (it never echoes the token). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private UnsubscribeToken() {
    }

    public static String mint(byte[] key, Claims c) {
        String payload = String.join("\n", c.subjectId(), c.purposeKey(),
                Long.toString(c.issuedAt().getEpochSecond()));
        String body = VERSION + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + B64.encodeToString(mac(key, body));
    }

    public static Claims verify(byte[] key, String token) {
        if (token == null || token.length() > 512) {
            throw invalid();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        String version = first < 0 ? "" : token.substring(0, first);
        if (last <= first || !(VERSION.equals(version) || LEGACY.equals(version))) {
            throw invalid();
        }
        String body = token.substring(0, last);
        byte[] given;
        String[] parts;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(last + 1));
            parts = new String(Base64.getUrlDecoder().decode(body.substring(first + 1)),
                    StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // Constant-time comparison: the MAC is checked before anything in the payload is trusted.
        if (!MessageDigest.isEqual(mac(key, body), given) || parts.length != (VERSION.equals(version) ? 3 : 4)) {
            throw invalid();
        }
        try {
            return new Claims(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static Refused invalid() {
        return new Refused("is not a valid unsubscribe token");
    }

    private static byte[] mac(byte[] key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
