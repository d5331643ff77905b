package org.steward.platform.crypto;

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

    private static byte[] aad(String keyId) {
        return ("steward-dek:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
