package org.steward.platform.crypto.internal.rotation;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.steward.platform.crypto.internal.MasterKeyRing;

/** How many live data keys and secrets are wrapped under each master key, and how many data keys are destroyed. */
public record WrappedKeyCounts(Map<String, Long> dataKeys, long destroyedDataKeys, Map<String, Long> secrets) {

    public WrappedKeyCounts {
        dataKeys = new TreeMap<>(dataKeys);
        secrets = new TreeMap<>(secrets);
    }

    /** Rows under a previous key of the ring: what a rotation still has to re-wrap. */
    public long remaining(MasterKeyRing ring) {
        return count(dataKeys, ring) + count(secrets, ring);
    }

    /** Master keys that rows are wrapped under but the ring does not know: those rows cannot be re-wrapped. */
    public Set<String> unknownKeys(MasterKeyRing ring) {
        Set<String> unknown = new TreeSet<>();
        for (String id : dataKeys.keySet()) {
            if (!ring.knows(id)) {
                unknown.add(id);
            }
        }
        for (String id : secrets.keySet()) {
            if (!ring.knows(id)) {
                unknown.add(id);
            }
        }
        return unknown;
    }

    private static long count(Map<String, Long> byKek, MasterKeyRing ring) {
        return byKek.entrySet().stream().filter(e -> ring.previousIds().contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
