package org.steward.platform.security.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 (the JDK's; OWASP's 2023 figure of 600,000 iterations), stored as
 * {@code pbkdf2-sha256$iterations$salt$hash}. The iteration count travels with the hash, so it can be raised later
 * without invalidating stored passwords.
 */
public final class PasswordHasher {

    public static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A well-formed hash with the current iteration count that no password matches: checking a password against it
     * costs what checking a real one does. Built without deriving anything, so that it costs nothing at start-up
     * (deriving one took 600,000 HMAC rounds on the start-up thread).
     */
    public static final String DECOY = format(ITERATIONS, new byte[SALT_BYTES], new byte[HASH_BITS / 8]);

    private PasswordHasher() {
    }

    public static String hash(char[] password) {
        if (hasNul(password)) {
            throw new IllegalArgumentException("A password cannot contain the NUL character");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return format(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    public static boolean matches(char[] password, String stored) {
        if (hasNul(password)) {
            return false;
        }
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !"pbkdf2-sha256".equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || salt.length == 0 || expected.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: a stored string that is not ours matches no password
            return false;
        }
    }

    /**
     * HMAC pads its key with zero bytes, so PBKDF2-HMAC cannot tell "secret" from "secret\0": a password with a NUL
     * would match another password. No password holds one.
     */
    private static boolean hasNul(char[] password) {
        for (char c : password) {
            if (c == 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
