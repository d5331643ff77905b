package org.steward.platform.crypto.internal.rotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;
import org.steward.platform.crypto.api.BlindIndexRing;
import org.steward.platform.crypto.api.ReindexBlindIndex;
import org.steward.platform.crypto.internal.BlindIndexKeys;

/**
 * Rotation of the blind-index key: a new version becomes current for writes, and the modules that store blind
 * indexes re-index their rows (their own jobs; this only asks them to start now). While rows are left on older
 * versions, a request resumes instead of adding yet another version.
 */
@ApplicationScoped
public class BlindIndexRotation {

    @Inject
    BlindIndexKeys keys;

    @Inject
    Event<ReindexBlindIndex> reindex;

    public ReindexProgress start() {
        ReindexProgress now = progress();
        int version = now.remaining() > 0 ? now.currentVersion() : keys.rotate();
        reindex.fire(new ReindexBlindIndex(version));
        return progress();
    }

    public ReindexProgress progress() {
        BlindIndexRing ring = keys.ring();
        int current = ring.current().version();
        long remaining = 0;
        for (Map.Entry<Integer, Long> e : keys.rowsPerVersion().entrySet()) {
            if (e.getKey() < current) {
                remaining += e.getValue();
            }
        }
        String state = remaining > 0 ? "running" : ring.versions().size() > 1 ? "retiring" : "complete";
        return new ReindexProgress(state, current, ring.versions(), remaining);
    }
}
