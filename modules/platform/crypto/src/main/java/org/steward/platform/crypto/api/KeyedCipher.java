package org.steward.platform.crypto.api;

import org.steward.platform.kernel.api.DataKeyId;

/**
 * Encrypts and decrypts the fields of one owner under its data key. The field name is associated data, so a
 * ciphertext moved to another field or another owner's row fails to decrypt instead of showing the wrong value.
 */
public interface KeyedCipher {

    DataKeyId keyId();

    /** Null stays null. */
    byte[] encrypt(String field, String plaintext);

    /** Null stays null; throws {@link UnreadableCiphertextException} for a ciphertext of another key or field. */
    String decrypt(String field, byte[] ciphertext);
}
