package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.platform.kernel.api.ScheduledJob;
import org.steward.platform.kernel.api.Times;
import org.steward.subjectrights.internal.entity.FulfilmentTask;

/**
 * Carries out due tasks and sends due mail, every {@code fulfilment-period} on every instance (the leases keep
 * them apart). It runs on the container's timer, where the request context the modules' beans need is active.
 */
@ApplicationScoped
public class FulfilmentJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(FulfilmentJob.class.getName());

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    TaskRunner runner;

    @Inject
    MailDispatch mail;

    @Inject
    RequestConfig config;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "request-fulfilment";
    }

    @Override
    public Duration period() {
        return config.fulfilmentPeriod();
    }

    @Override
    public void run() {
        try {
            mail.sendDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending request mail failed; the next period retries", e);
        }
        List<String> due = em.createQuery("SELECT t.id FROM FulfilmentTask t WHERE t.state IN :open"
                        + " AND t.nextAttemptAt <= :now ORDER BY t.nextAttemptAt", String.class)
                .setParameter("open", List.of(FulfilmentTask.State.PENDING, FulfilmentTask.State.WAITING,
                        FulfilmentTask.State.FAILING))
                .setParameter("now", Times.now(clock)).setMaxResults(100).getResultList();
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
