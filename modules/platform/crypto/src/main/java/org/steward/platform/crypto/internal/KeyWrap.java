package org.steward.platform.crypto.internal;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;

/** Wrapping of data keys under the master key: AES-GCM, bound to the data key's id so wrapped keys cannot be swapped. */
public final class KeyWrap {

    private KeyWrap() {
    }

    public static byte[] wrap(SecretKey kek, String keyId, SecretKey dek) {
        return Aead.encrypt(kek, dek.getEncoded(), aad(keyId));
    }

    public static SecretKey unwrap(SecretKey kek, String keyId, byte[] wrapped) {
        return Aead.key(Aead.decrypt(kek, wrapped, aad(keyId)));
    }

    /** Key rotation: the same key material, wrapped under another KEK. Nothing it encrypts changes. */
    public static byte[] rewrap(SecretKey oldKek, SecretKey newKek, String keyId, byte[] wrapped) {
        byte[] raw = Aead.decrypt(oldKek, wrapped, aad(keyId));
        try {
            return Aead.encrypt(newKek, raw, aad(keyId));
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] aad(String keyId) {
        return ("steward-dek:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
