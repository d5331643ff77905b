package org.steward.platform.crypto.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The blind-index key versions still in use: the newest is current and indexes every write; older ones stay
 * searchable until the re-index has moved every row off them and they are retired.
 */
public record BlindIndexRing(List<BlindIndex> active) {

    public BlindIndexRing {
        if (active.isEmpty()) {
            throw new IllegalStateException("No blind-index key is active: start-up did not complete");
        }
        active = active.stream().sorted(Comparator.comparingInt(BlindIndex::version).reversed()).toList();
    }

    public BlindIndex current() {
        return active.get(0);
    }

    /** Every index a stored value may carry, one per active version, current first; what lookups search. */
    public List<String> candidates(IndexKind kind, String value) {
        List<String> out = new ArrayList<>(active.size());
        for (BlindIndex index : active) {
            String i = index.apply(kind, value);
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    public List<Integer> versions() {
        return active.stream().map(BlindIndex::version).toList();
    }
}
