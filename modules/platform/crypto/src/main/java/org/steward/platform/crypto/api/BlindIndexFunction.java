package org.steward.platform.crypto.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed blind index: HMAC-SHA-256 over the kind and the normalised value. Without the index key the stored values
 * cannot be reversed by guessing, and equal inputs of different kinds never collide.
 */
public final class BlindIndexFunction {

    private final SecretKeySpec key;

    public BlindIndexFunction(byte[] rawKey) {
        this.key = new SecretKeySpec(rawKey, "HmacSHA256");
    }

    public BlindIndexFunction(SecretKey key) {
        this(key.getEncoded());
    }

    public String apply(IndexKind kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(kind.name().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            byte[] out = mac.doFinal(kind.normalise(value).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
