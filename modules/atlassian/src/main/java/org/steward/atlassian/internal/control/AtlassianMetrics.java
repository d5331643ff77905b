package org.steward.atlassian.internal.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.steward.atlassian.internal.connector.ReportClient;

/**
 * The reporter and the help center on {@code /metrics} (application scope), counted on this instance; every
 * instance's totals per tenant are on the reporting status endpoint. With MicroProfile Metrics turned off (the
 * uber-jar's default) Payara cannot produce a registry: then nothing is counted here, and the work goes on.
 */
@ApplicationScoped
public class AtlassianMetrics {

    private static final Logger LOG = Logger.getLogger(AtlassianMetrics.class.getName());

    @Inject
    Instance<MetricRegistry> registries;

    private boolean on;

    private Counter batches;
    private Counter accounts;
    private Counter closed;
    private Counter updated;
    private Counter rateLimited;
    private Counter failures;
    private Counter filed;
    private Counter comments;
    private Counter commentFailures;

    @PostConstruct
    void register() {
        MetricRegistry registry;
        try {
            registry = registries.get();
            registry.getNames();
        } catch (RuntimeException e) {
            LOG.info("MicroProfile Metrics is off: Atlassian metrics are not recorded");
            return;
        }
        on = true;
        batches = registry.counter("atlassian_report_batches_total");
        accounts = registry.counter("atlassian_report_accounts_total");
        closed = registry.counter("atlassian_report_closed_total");
        updated = registry.counter("atlassian_report_updated_total");
        rateLimited = registry.counter("atlassian_report_rate_limited_total");
        failures = registry.counter("atlassian_report_failures_total");
        filed = registry.counter("atlassian_jsm_requests_filed_total");
        comments = registry.counter("atlassian_jsm_comments_posted_total");
        commentFailures = registry.counter("atlassian_jsm_comment_failures_total");
    }

    void batch(ReportClient.Outcome o, ReportingStore.Recorded done) {
        if (!on) {
            return;
        }
        switch (o.kind()) {
            case ANSWERED -> {
                batches.inc();
                accounts.inc(done.reported());
                closed.inc(done.closed());
                updated.inc(done.updated());
            }
            case RATE_LIMITED -> rateLimited.inc();
            case FAILED -> failures.inc();
        }
    }

    void filed() {
        if (on) {
            filed.inc();
        }
    }

    void commentPosted() {
        if (on) {
            comments.inc();
        }
    }

    void commentFailed() {
        if (on) {
            commentFailures.inc();
        }
    }
}
