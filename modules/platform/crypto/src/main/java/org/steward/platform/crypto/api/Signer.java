package org.steward.platform.crypto.api;

import java.util.List;
import java.util.Optional;
import org.steward.platform.crypto.internal.Ed25519;

/**
 * Signs documents (consent receipts, erasure certificates) with the server's Ed25519 keys. Each document kind signs
 * under its own key id; a key pair is created on first use, its private half stored wrapped by the master key, its
 * public half published.
 */
public interface Signer {

    String ALGORITHM = "Ed25519";

    /** A signature and the key that made it. */
    record Signature(String keyId, String algorithm, String value) {
    }

    Signature sign(String keyId, String text);

    /** False for an unknown key id or a signature that does not verify. */
    boolean verify(String keyId, String text, String signature);

    /** The public half of a key, created on first use (before anything is signed with it, its key set is empty). */
    PublicSigningKey key(String keyId);

    /** The public half of a key if it exists; never creates one. */
    Optional<PublicSigningKey> existing(String keyId);

    List<PublicSigningKey> publicKeys();
}
