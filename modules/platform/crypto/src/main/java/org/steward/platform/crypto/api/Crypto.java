package org.steward.platform.crypto.api;

import java.util.List;
import org.steward.platform.kernel.api.DataKeyId;

/**
 * The crypto service: per-owner data keys (envelope encryption under the master key), their destruction
 * (crypto-shredding), the keyed blind index for searchable identifiers, and named server-wide secrets.
 */
public interface Crypto {

    /** A new data key for a new owner, stored wrapped in the caller's transaction (which must exist). */
    KeyedCipher newDataKey();

    /** The cipher for an existing key; throws {@link UnreadableCiphertextException} once the key is destroyed. */
    KeyedCipher cipher(DataKeyId id);

    /** Destroys the key in the caller's transaction: every ciphertext under it becomes unreadable, everywhere. */
    void destroy(DataKeyId id);

    /** The index of a value under the current key version: what a write stores. */
    String blindIndex(IndexKind kind, String value);

    /** The active blind-index versions: the current one for writes, all of them for lookups and duplicate checks. */
    BlindIndexRing blindIndexRing();

    /**
     * Retires the superseded blind-index versions that no row uses any more (after their grace period), once the
     * holders of indexed rows have moved every row to the current version.
     */
    List<Integer> retireDrainedBlindIndexVersions();

    boolean hasBlindIndexKey();

    /** Creates the blind-index key on first start. Another instance may win the race; the caller then re-reads. */
    boolean ensureBlindIndexKey();

    /**
     * The key material (32 random bytes) of a named server-wide secret, e.g. an HMAC key, created on first use and
     * stored wrapped by the master key (so master-key rotation re-wraps it). Instances that race agree on one.
     */
    byte[] secret(String name);
}
