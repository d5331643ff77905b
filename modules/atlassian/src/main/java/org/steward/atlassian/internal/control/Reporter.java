package org.steward.atlassian.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.atlassian.internal.connector.OAuthTokens;
import org.steward.atlassian.internal.connector.ReportClient;
import org.steward.platform.kernel.api.Ids;

/**
 * Reports one tenant's accounts: batch after batch of at most 90, each sent outside any transaction and its answer
 * recorded before the next, until the cycle's walk ends or Atlassian asks to wait. Holds the tenant's lease
 * throughout, so that across instances every batch is sent once.
 */
@ApplicationScoped
public class Reporter {

    private static final Logger LOG = Logger.getLogger(Reporter.class.getName());

    /** Batches per run at most; the next run goes on from the cursor. */
    static final int MAX_STEPS = 100;

    @Inject
    ReportingStore store;

    @Inject
    AtlassianConfig config;

    @Inject
    AtlassianMetrics metrics;

    @Inject
    Clock clock;

    @ActivateRequestContext
    public void run(String tenantId) {
        String owner = Ids.newId().toString();
        try {
            if (!store.lease(tenantId, owner)) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Leasing a tenant's Atlassian reporting failed; the next period retries", e);
            return;
        }
        try {
            for (int i = 0; i < MAX_STEPS; i++) {
                ReportingStore.Step step = store.next(tenantId, owner);
                if (step == null) {
                    return;
                }
                if (!step.accounts().isEmpty()) {
                    if (step.client() != null) {
                        try {
                            OAuthTokens.Grant grant = config.tokens().refresh(step.client(), clock.instant());
                            if (!store.tokenBought(tenantId, step.client(), grant)) {
                                return;
                            }
                            step = step.withToken(grant.accessToken());
                        } catch (OAuthTokens.Refused e) {
                            ReportingStore.Recorded none = store.record(tenantId, owner, step,
                                    ReportClient.Outcome.failed(0, e.getMessage()));
                            LOG.warning("Buying an access token for Atlassian reporting failed (" + e.getMessage()
                                    + "); it is tried again after the backoff");
                            metrics.batch(ReportClient.Outcome.failed(0, e.getMessage()), none);
                            return;
                        }
                    }
                    ReportClient.Outcome o = config.reports().report(step.target(), step.accounts(), clock.instant());
                    ReportingStore.Recorded done = store.record(tenantId, owner, step, o);
                    metrics.batch(o, done);
                    if (o.kind() != ReportClient.Outcome.Kind.ANSWERED) {
                        LOG.warning("Atlassian's personal data reporting did not take a batch (" + o.error()
                                + "); it is sent again after the backoff");
                        return;
                    }
                }
                if (step.exhausted()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reporting a tenant's accounts to Atlassian failed; the cycle resumes from its"
                    + " last answered batch", e);
        } finally {
            try {
                store.release(tenantId, owner);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Releasing a reporting lease failed; it runs out by itself", e);
            }
        }
    }
}
