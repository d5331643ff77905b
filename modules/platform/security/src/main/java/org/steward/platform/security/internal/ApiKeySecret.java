package org.steward.platform.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API keys: {@code stw_<id>_<secret>}, 256 random bits of secret. The key id finds the row; only the SHA-256 of the
 * secret is stored. A slow hash adds nothing for a random 256-bit secret, and a fast one keeps every request cheap.
 */
public final class ApiKeySecret {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("stw_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})");

    /** A presented key split into its parts, or null when it does not have the shape of a Steward key. */
    public record Parsed(String keyId, String secret) {
    }

    private ApiKeySecret() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String format(String keyId, String secret) {
        return "stw_" + keyId + "_" + secret;
    }

    public static Parsed parse(String presented) {
        if (presented == null) {
            return null;
        }
        var m = SHAPE.matcher(presented.strip());
        return m.matches() ? new Parsed(m.group(1), m.group(2)) : null;
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String secret, String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
