package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.platform.kernel.api.ScheduledJob;

/**
 * Carries out due tasks and sends due mail, every {@code fulfilment-period} on every instance (the leases keep
 * them apart), and at once when work is queued ({@link FulfilmentTrigger}). On the container's timer the request
 * context that the modules' beans need is active; off it, {@link #runWithContext} activates one.
 */
@ApplicationScoped
public class FulfilmentJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(FulfilmentJob.class.getName());

    @Inject
    TaskRunner runner;

    @Inject
    MailDispatch mail;

    @Inject
    RequestConfig config;

    @Override
    public String name() {
        return "request-fulfilment";
    }

    @Override
    public Duration period() {
        return config.fulfilmentPeriod();
    }

    /** A run off the container's timer (from {@link FulfilmentTrigger}): the modules' beans need a request context. */
    @ActivateRequestContext
    public void runWithContext() {
        run();
    }

    @Override
    public void run() {
        try {
            mail.sendDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending request mail failed; the next period retries", e);
        }
        List<String> due = runner.due();
        due.forEach(this::runOne);
    }

    private void runOne(String taskId) {
        if (!runner.claim(taskId)) {
            return;
        }
        try {
            runner.run(taskId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A request task failed; it is retried", e);
            runner.failed(taskId, e);
        }
    }
}
