package org.steward.sharing.internal.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.platform.kernel.api.ScheduledJob;
import org.steward.platform.kernel.api.Times;

/**
 * The sharing module's periodic work, on every instance (leases keep the instances apart): changes whose objection
 * window ended take effect, notices go out to subscribers, and propagations go to recipients. The calls to
 * receivers run on the managed executor, so that a slow or hanging one holds up neither the others nor the next run.
 */
@ApplicationScoped
public class SharingJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(SharingJob.class.getName());

    @Inject
    Register register;

    @Inject
    NoticeDeliveries deliveries;

    @Inject
    NoticeSender notices;

    @Inject
    PropagationOutbox outbox;

    @Inject
    PropagationDispatch propagations;

    @Inject
    Callbacks callbacks;

    @Inject
    SharingConfig config;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Override
    public String name() {
        return "sharing";
    }

    @Override
    public Duration period() {
        return config.period();
    }

    @Override
    public void run() {
        try {
            register.applyDue(Times.now(clock));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Applying due register changes failed; the next period retries", e);
        }
        for (String id : deliveries.due()) {
            NoticeDeliveries.Outgoing out = claim(() -> deliveries.claim(id));
            if (out != null) {
                submit(() -> notices.carry(out));
            }
        }
        for (String id : outbox.due()) {
            PropagationOutbox.Outgoing out = claim(() -> outbox.claim(id));
            if (out != null) {
                submit(() -> propagations.carry(out));
            }
        }
        try {
            callbacks.forgetExpired();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Forgetting old callback signatures failed; the next period retries", e);
        }
    }

    /** A lease, taken here on the timer's thread: the next run skips what is still in flight. */
    private static <T> T claim(java.util.function.Supplier<T> lease) {
        try {
            return lease.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Claiming an outgoing delivery failed; it is retried", e);
            return null;
        }
    }

    /** The call itself on the managed executor; if it refuses the work, here (the lease is held either way). */
    private void submit(Runnable call) {
        try {
            executor.execute(call);
        } catch (RejectedExecutionException e) {
            call.run();
        }
    }
}
