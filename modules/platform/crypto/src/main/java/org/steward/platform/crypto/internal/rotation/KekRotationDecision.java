package org.steward.platform.crypto.internal.rotation;

/**
 * What a request to rotate the master key does, given the key ring and what is still wrapped under old keys.
 * How a new key becomes current: a configured deployment gets it from the operator (new
 * STEWARD_CRYPTO_MASTER_KEY, the old one in STEWARD_CRYPTO_PREVIOUS_MASTER_KEYS, restart); the embedded default,
 * whose key is a file, generates it here.
 */
public enum KekRotationDecision {
    /** Rows are wrapped under keys nobody configured: they cannot be re-wrapped (409). */
    UNKNOWN_KEYS,
    /** Rows are still under previous keys: (re)start re-wrapping them. */
    RESUME,
    /** Embedded default, nothing left to re-wrap: generate a new key file, then re-wrap under it. */
    GENERATE,
    /** A configured rotation is finished: everything is under the current key (200, idempotent). */
    COMPLETE,
    /** A configured deployment that was given no new key: nothing to rotate to (409). */
    NEEDS_NEW_KEY;

    public static KekRotationDecision decide(boolean embedded, boolean hasPreviousKeys, boolean unknownKeys,
                                             long remaining) {
        if (unknownKeys) {
            return UNKNOWN_KEYS;
        }
        if (remaining > 0) {
            return RESUME;
        }
        if (embedded) {
            return GENERATE;
        }
        return hasPreviousKeys ? COMPLETE : NEEDS_NEW_KEY;
    }
}
