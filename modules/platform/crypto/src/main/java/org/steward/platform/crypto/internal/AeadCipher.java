package org.steward.platform.crypto.internal;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.DataKeyId;

/**
 * Encrypts and decrypts the fields of one owner under its unwrapped data key. The field name is associated data, so a
 * ciphertext moved to another field or another owner's row fails to decrypt instead of showing the wrong value.
 */
public final class AeadCipher implements KeyedCipher {

    private final DataKeyId keyId;
    private final SecretKey dek;

    public AeadCipher(DataKeyId keyId, SecretKey dek) {
        this.keyId = keyId;
        this.dek = dek;
    }

    @Override
    public DataKeyId keyId() {
        return keyId;
    }

    @Override
    public byte[] encrypt(String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return Aead.encrypt(dek, plaintext.getBytes(StandardCharsets.UTF_8), aad(field));
    }

    @Override
    public String decrypt(String field, byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        return new String(Aead.decrypt(dek, ciphertext, aad(field)), StandardCharsets.UTF_8);
    }

    private byte[] aad(String field) {
        return (keyId.asString() + "/" + field).getBytes(StandardCharsets.UTF_8);
    }
}
