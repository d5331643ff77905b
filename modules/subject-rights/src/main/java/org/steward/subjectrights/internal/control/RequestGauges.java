package org.steward.subjectrights.internal.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The watchdog's counts as MicroProfile Metrics: {@code requests_overdue}, {@code requests_due_soon},
 * {@code requests_acknowledgement_due}, {@code requests_stuck}, {@code requests_failing}. Registered on first use
 * (by the watchdog job's timer), not at start-up, where the metrics context does not exist yet. With MicroProfile
 * Metrics turned off (the uber-jar's default) Payara cannot produce a registry: the counts are then kept here only,
 * and the watchdog's housekeeping, which runs after them, is not stopped by it.
 */
@ApplicationScoped
public class RequestGauges {

    private static final Logger LOG = Logger.getLogger(RequestGauges.class.getName());

    @Inject
    Instance<MetricRegistry> registries;

    private final Map<Watchdog.Concern, AtomicLong> gauges = new EnumMap<>(Watchdog.Concern.class);

    @PostConstruct
    void register() {
        for (Watchdog.Concern c : Watchdog.Concern.values()) {
            gauges.put(c, new AtomicLong());
        }
        MetricRegistry registry;
        try {
            registry = registries.get();
            registry.getNames();
        } catch (RuntimeException e) {
            LOG.info("MicroProfile Metrics is off: the request gauges are not published");
            return;
        }
        gauges.forEach((c, g) -> registry.gauge("requests_" + c.name().toLowerCase(Locale.ROOT), g, AtomicLong::get));
    }

    public void set(Map<Watchdog.Concern, Long> counts) {
        gauges.forEach((c, g) -> g.set(counts.getOrDefault(c, 0L)));
    }
}
