package org.steward.retention.internal.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The sweeps as MicroProfile Metrics (application scope, on {@code /metrics}): counters of what this instance erased,
 * and gauges of its last run. Sweep runs of every instance are also in {@code retention_sweep_run}. With MicroProfile
 * Metrics turned off (the uber-jar's default) Payara cannot produce a registry: then nothing is recorded here, and the
 * sweep goes on.
 */
@ApplicationScoped
public class RetentionMetrics {

    private static final Logger LOG = Logger.getLogger(RetentionMetrics.class.getName());

    @Inject
    Instance<MetricRegistry> registries;

    private final AtomicLong lastDue = new AtomicLong();
    private final AtomicLong lastDurationMs = new AtomicLong();
    private final AtomicLong lastErased = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private Counter sweeps;
    private Counter subjects;
    private Counter tenants;
    private Counter records;

    @PostConstruct
    void register() {
        MetricRegistry registry;
        try {
            registry = registries.get();
            registry.getNames();
        } catch (RuntimeException e) {
            LOG.info("MicroProfile Metrics is off: retention metrics are not recorded");
            return;
        }
        sweeps = registry.counter("retention_sweeps_total");
        subjects = registry.counter("retention_subjects_erased_total");
        tenants = registry.counter("retention_tenants_erased_total");
        records = registry.counter("retention_records_erased_total");
        registry.gauge("retention_sweep_last_due", lastDue, AtomicLong::get);
        registry.gauge("retention_sweep_last_duration_ms", lastDurationMs, AtomicLong::get);
        registry.gauge("retention_sweep_last_erased", lastErased, AtomicLong::get);
        registry.gauge("retention_erasures_pending", pending, AtomicLong::get);
    }

    public void recordRun(long due, long subjectsErased, long tenantsErased, long recordsErased, long durationMs,
                          long pendingAfter) {
        if (sweeps != null) {
            sweeps.inc();
            subjects.inc(subjectsErased);
            tenants.inc(tenantsErased);
            records.inc(recordsErased);
        }
        lastDue.set(due);
        lastDurationMs.set(durationMs);
        lastErased.set(subjectsErased + tenantsErased);
        pending.set(pendingAfter);
    }
}
