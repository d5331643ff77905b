package org.steward.platform.kernel.api.erasure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.steward.platform.kernel.api.DataKeyId;

/**
 * Where each observing module reports what it deleted. Counts and ids only, never values: the report ends up in a
 * signed erasure certificate. Used by one thread, inside the transaction that fired the event.
 */
public final class ErasureReport {

    /** One module's deletion in one data category. */
    public record Deleted(String module, String category, long count) {
    }

    private final List<Deleted> deleted = new ArrayList<>();
    private final Set<DataKeyId> dataKeys = new LinkedHashSet<>();

    /** Records that {@code module} deleted {@code count} rows of {@code category}; zero counts are left out. */
    public void deleted(String module, String category, long count) {
        if (count > 0) {
            deleted.add(new Deleted(module, category, count));
        }
    }

    /** A data key that protected the deleted data: the driver destroys it in the same transaction. */
    public void dataKey(DataKeyId id) {
        if (id != null) {
            dataKeys.add(id);
        }
    }

    public List<Deleted> deleted() {
        return Collections.unmodifiableList(deleted);
    }

    public Set<DataKeyId> dataKeys() {
        return Collections.unmodifiableSet(dataKeys);
    }

    public long total() {
        return deleted.stream().mapToLong(Deleted::count).sum();
    }
}
