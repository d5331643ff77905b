package org.steward.consent.internal.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed token of an unsubscribe link: {@code v1.<payload>.<mac>}, base64url, where the payload names the
 * subject, the purpose, the issue time and the expiry, and the MAC is HMAC-SHA-256 under a server key. HMAC rather
 * than a signature: only this server ever checks these tokens, and the link stays short enough for every mail client.
 */
public final class UnsubscribeToken {

    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public record Claims(String subjectId, String purposeKey, Instant issuedAt, Instant expiresAt) {
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
                Long.toString(c.issuedAt().getEpochSecond()), Long.toString(c.expiresAt().getEpochSecond()));
        String body = VERSION + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + B64.encodeToString(mac(key, body));
    }

    public static Claims verify(byte[] key, String token, Instant now) {
        if (token == null || token.length() > 512) {
            throw new Refused("is not a valid unsubscribe token");
        }
        int last = token.lastIndexOf('.');
        if (last < 0 || !token.startsWith(VERSION + ".")) {
            throw new Refused("is not a valid unsubscribe token");
        }
        String body = token.substring(0, last);
        byte[] given;
        String[] parts;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(last + 1));
            parts = new String(Base64.getUrlDecoder().decode(body.substring(VERSION.length() + 1)),
                    StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw new Refused("is not a valid unsubscribe token");
        }
        // Constant-time comparison: the MAC is checked before anything in the payload is trusted.
        if (!MessageDigest.isEqual(mac(key, body), given) || parts.length != 4) {
            throw new Refused("is not a valid unsubscribe token");
        }
        Claims c;
        try {
            c = new Claims(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])),
                    Instant.ofEpochSecond(Long.parseLong(parts[3])));
        } catch (NumberFormatException e) {
            throw new Refused("is not a valid unsubscribe token");
        }
        if (!now.isBefore(c.expiresAt())) {
            throw new Refused("has expired; ask for a new unsubscribe link");
        }
        return c;
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
