package org.steward.platform.crypto.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The master keys (KEKs) a server knows: the current one, which wraps every new key, and previous ones, which only
 * unwrap what a rotation has not re-wrapped yet. Keys are known by their fingerprint, the {@code kek_id} stored
 * beside every wrapped key.
 */
public record MasterKeyRing(MasterKeySource.Resolved current, Map<String, SecretKey> previous) {

    public MasterKeyRing {
        previous = Collections.unmodifiableMap(new LinkedHashMap<>(previous));
    }

    /** The ring of {@code current} and {@code previous}; a previous key equal to the current one is dropped. */
    public static MasterKeyRing of(MasterKeySource.Resolved current, List<SecretKey> previous) {
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        for (SecretKey key : previous) {
            String id = MasterKeySource.fingerprint(key);
            if (!id.equals(current.id())) {
                byId.putIfAbsent(id, key);
            }
        }
        return new MasterKeyRing(current, byId);
    }

    public String currentId() {
        return current.id();
    }

    public SecretKey currentKey() {
        return current.key();
    }

    public Set<String> previousIds() {
        return previous.keySet();
    }

    public boolean knows(String kekId) {
        return current.id().equals(kekId) || previous.containsKey(kekId);
    }

    /** The key that wrapped a row, by the row's {@code kek_id}. */
    public SecretKey key(String kekId) {
        if (current.id().equals(kekId)) {
            return current.key();
        }
        SecretKey key = previous.get(kekId);
        if (key == null) {
            throw new IllegalStateException("Master key " + kekId + " is not configured: list it in"
                    + " STEWARD_CRYPTO_PREVIOUS_MASTER_KEYS until a rotation has re-wrapped everything under it");
        }
        return key;
    }

    /** After an embedded rotation: {@code next} becomes current and the old current joins the previous keys. */
    public MasterKeyRing rotatedTo(MasterKeySource.Resolved next) {
        Map<String, SecretKey> keys = new LinkedHashMap<>(previous);
        keys.put(current.id(), current.key());
        keys.remove(next.id());
        return new MasterKeyRing(next, keys);
    }
}
