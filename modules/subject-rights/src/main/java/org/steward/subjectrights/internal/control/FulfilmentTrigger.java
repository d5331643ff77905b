package org.steward.subjectrights.internal.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the fulfilment job as soon as work is committed, instead of at its next period: an approved export starts at
 * once, and a code reaches the subject while they wait for it. The timer stays the guarantee (a run that fails here,
 * or work queued on another instance, is picked up by it); the leases keep the two from doing anything twice. Runs
 * queued while one is going coalesce into one more.
 */
@ApplicationScoped
public class FulfilmentTrigger {

    private static final Logger LOG = Logger.getLogger(FulfilmentTrigger.class.getName());

    @Inject
    FulfilmentJob job;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkQueued queued) {
        again.set(true);
        schedule();
    }

    private void schedule() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            running.set(false); // shutting down: the timer's next period does it
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                job.runWithContext();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Running queued request work failed; the job's next period retries it", e);
        } finally {
            running.set(false);
        }
        if (again.get()) {
            schedule(); // queued after the loop's last check
        }
    }
}
