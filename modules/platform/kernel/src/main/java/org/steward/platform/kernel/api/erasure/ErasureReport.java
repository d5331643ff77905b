package org.steward.platform.kernel.api.erasure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.steward.platform.kernel.api.DataKeyId;

/**
 * What one erasure deleted, per participant: for each module, the rows it deleted per category and the data keys
 * that protected them. Counts and ids only, never values: the report ends up in a signed erasure certificate.
 * Used by one thread, inside the erasure's transaction.
 */
public final class ErasureReport {

    /** What one module deleted in one category. */
    public record Entry(String module, String category, long count) {
    }

    /** One participant's part of the report, bound to its module: what it deleted, and which keys protected it. */
    public static final class Part {

        private final String module;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final Set<DataKeyId> dataKeys = new LinkedHashSet<>();

        private Part(String module) {
            this.module = module;
        }

        public String module() {
            return module;
        }

        /** {@code count} rows of {@code category} were deleted; zero counts are left out, repeated ones add up. */
        public void deleted(String category, long count) {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("a deletion names its category");
            }
            if (count > 0) {
                counts.merge(category, count, Long::sum);
            }
        }

        /** A data key that protected the deleted data: the driver destroys it in the same transaction. */
        public void dataKey(DataKeyId id) {
            if (id != null) {
                dataKeys.add(id);
            }
        }

        /** Category to rows deleted, in the order first reported. */
        public Map<String, Long> counts() {
            return Collections.unmodifiableMap(counts);
        }

        public Set<DataKeyId> dataKeys() {
            return Collections.unmodifiableSet(dataKeys);
        }

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        boolean isEmpty() {
            return counts.isEmpty() && dataKeys.isEmpty();
        }
    }

    /** By module: the order of entries and parts does not depend on the order participants ran in. */
    private final Map<String, Part> parts = new TreeMap<>();

    /** The module's part, created on first use (the driver hands it to the module's participant). */
    public Part part(String module) {
        if (module == null || module.isBlank()) {
            throw new IllegalArgumentException("a part names its module");
        }
        return parts.computeIfAbsent(module, Part::new);
    }

    /** The parts that deleted something or named a key, by module. */
    public List<Part> parts() {
        return parts.values().stream().filter(p -> !p.isEmpty()).toList();
    }

    /** Every deletion, by module, then category. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Part p : parts.values()) {
            new TreeMap<>(p.counts).forEach((category, count) -> out.add(new Entry(p.module, category, count)));
        }
        return out;
    }

    /** Every part's data keys, by module, in the order reported. */
    public Set<DataKeyId> dataKeys() {
        Set<DataKeyId> out = new LinkedHashSet<>();
        parts.values().forEach(p -> out.addAll(p.dataKeys));
        return Collections.unmodifiableSet(out);
    }

    public long total() {
        return parts.values().stream().mapToLong(Part::total).sum();
    }

    /** Adds another report to this one (the chunks of one category sweep): counts add up, keys are joined. */
    public void add(ErasureReport other) {
        Objects.requireNonNull(other, "other");
        for (Part p : other.parts.values()) {
            Part mine = part(p.module);
            p.counts.forEach(mine::deleted);
            p.dataKeys.forEach(mine::dataKey);
        }
    }
}
