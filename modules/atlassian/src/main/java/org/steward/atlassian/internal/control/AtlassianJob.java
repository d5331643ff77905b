package org.steward.atlassian.internal.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.platform.kernel.api.ScheduledJob;

/**
 * The module's periodic work, on every instance (leases keep the instances apart): each tenant's reporting, each
 * service desk's poll, the portal requests known by key only, and the comment outbox. The calls to Atlassian run on
 * the managed executor, so that a slow API holds up neither the others nor the next run.
 */
@ApplicationScoped
public class AtlassianJob implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(AtlassianJob.class.getName());

    @Inject
    ReportingStore reporting;

    @Inject
    Reporter reporter;

    @Inject
    PortalIntake intake;

    @Inject
    TicketComments comments;

    @Inject
    CommentPoster poster;

    @Inject
    AtlassianConfig config;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Override
    public String name() {
        return "atlassian";
    }

    @Override
    public Duration period() {
        return config.period();
    }

    @Override
    public void run() {
        for (String tenant : read(reporting::due)) {
            submit(() -> reporter.run(tenant));
        }
        for (String desk : read(intake::desksDue)) {
            submit(() -> intake.poll(desk));
        }
        List<String> pending = read(intake::pendingTickets);
        if (!pending.isEmpty()) {
            submit(() -> pending.forEach(intake::fetchAndFile));
        }
        List<String> due = read(comments::due);
        if (!due.isEmpty()) {
            submit(() -> poster.post(due));
        }
    }

    private static List<String> read(Supplier<List<String>> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading the Atlassian work due failed; the next period retries", e);
            return List.of();
        }
    }

    private void submit(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            work.run();
        }
    }
}
