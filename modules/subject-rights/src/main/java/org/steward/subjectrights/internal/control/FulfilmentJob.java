package org.steward.subjectrights.internal.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
 * Carries out due tasks and sends due mail, on every instance (the leases keep them apart). A request's tasks also
 * start right after its approval commits, so a quick task does not wait for the next period.
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

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

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

    void afterApproval(@Observes(during = TransactionPhase.AFTER_SUCCESS) TasksCreated created) {
        try {
            executor.submit(() -> runRequest(created.requestId()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Tasks left to the next period", e);
        }
    }

    private void runRequest(String requestId) {
        em.createQuery("SELECT t.id FROM FulfilmentTask t WHERE t.requestId = :r ORDER BY t.module, t.id",
                String.class).setParameter("r", requestId).getResultList().forEach(this::runOne);
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
