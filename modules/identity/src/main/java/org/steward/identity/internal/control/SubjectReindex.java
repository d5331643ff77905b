package org.steward.identity.internal.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.platform.crypto.api.BlindIndexRing;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.ReindexBlindIndex;
import org.steward.platform.kernel.api.ScheduledJob;

/**
 * The re-index after a blind-index key rotation: moves every subject still on an older key version to the current
 * one, in chunks, then lets the platform retire versions no row carries any more. It runs on every instance's
 * timer (so a crash mid-way is resumed by the next period) and at once when a rotation asks; rows are claimed by
 * conditional updates, so instances running it together only skip each other's work.
 */
@ApplicationScoped
public class SubjectReindex implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(SubjectReindex.class.getName());
    private static final int CHUNK = 200;

    @Inject
    SubjectReindexer reindexer;

    @Inject
    Crypto crypto;

    @Inject
    @ConfigProperty(name = "steward.identity.reindex-period", defaultValue = "PT1M")
    Duration period;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    // One run per instance at a time: the timer and a rotation request may both start one.
    private final AtomicBoolean running = new AtomicBoolean();

    @Override
    public String name() {
        return "subject-reindex";
    }

    @Override
    public Duration period() {
        return period;
    }

    void onRotation(@Observes ReindexBlindIndex command) {
        executor.execute(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Subject re-index failed; the job's next period resumes it", e);
            }
        });
    }

    @Override
    public void run() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            BlindIndexRing ring = crypto.blindIndexRing();
            if (ring.versions().size() == 1 && reindexer.due(ring.current().version(), "", 1).isEmpty()) {
                return;
            }
            int current = ring.current().version();
            int moved = 0;
            int skipped = 0;
            String after = "";
            List<String> due;
            do {
                due = reindexer.due(current, after, CHUNK);
                for (String id : due) {
                    try {
                        if (reindexer.reindex(id)) {
                            moved++;
                        }
                    } catch (RuntimeException e) {
                        // E.g. two subjects that registered the same identifier under different versions during the
                        // rotation collide on the unique index. The row stays on its version; the next run retries.
                        skipped++;
                        LOG.warning("Subject " + id + " was not re-indexed (" + e.getClass().getSimpleName()
                                + "); the next run retries it");
                    }
                }
                after = due.isEmpty() ? after : due.get(due.size() - 1);
            } while (due.size() == CHUNK);
            if (moved > 0 || skipped > 0) {
                LOG.info("Re-indexed " + moved + " subject(s) under blind-index key version " + current
                        + (skipped > 0 ? "; " + skipped + " left for the next run" : ""));
            }
            crypto.retireDrainedBlindIndexVersions();
        } finally {
            running.set(false);
        }
    }
}
