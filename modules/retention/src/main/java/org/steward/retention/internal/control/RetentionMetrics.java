package org.steward.retention.internal.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The sweeps as MicroProfile Metrics (application scope, on {@code /metrics}): counters of what this instance erased,
 * and gauges of its last run. Sweep runs of every instance are also in {@code retention_sweep_run}.
 */
@ApplicationScoped
public class RetentionMetrics {

    @Inject
    MetricRegistry registry;

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
        sweeps.inc();
        subjects.inc(subjectsErased);
        tenants.inc(tenantsErased);
        records.inc(recordsErased);
        lastDue.set(due);
        lastDurationMs.set(durationMs);
        lastErased.set(subjectsErased + tenantsErased);
        pending.set(pendingAfter);
    }
}
