package org.steward.platform.crypto.api;

/** A ciphertext that cannot be read: its key is destroyed or wrong, or the bytes were altered. */
public class UnreadableCiphertextException extends RuntimeException {

    public UnreadableCiphertextException(String message) {
        super(message);
    }
}
