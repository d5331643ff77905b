package org.steward.subjectrights.internal.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The watchdog's counts as MicroProfile Metrics: {@code requests_overdue}, {@code requests_due_soon},
 * {@code requests_acknowledgement_due}, {@code requests_stuck}, {@code requests_failing}. Registered on first use
 * (by the watchdog job's timer), not at start-up, where the metrics context does not exist yet.
 */
@ApplicationScoped
public class RequestGauges {

    @Inject
    MetricRegistry registry;

    private final Map<Watchdog.Concern, AtomicLong> gauges = new EnumMap<>(Watchdog.Concern.class);

    @PostConstruct
    void register() {
        for (Watchdog.Concern c : Watchdog.Concern.values()) {
            AtomicLong g = new AtomicLong();
            gauges.put(c, g);
            registry.gauge("requests_" + c.name().toLowerCase(Locale.ROOT), g, AtomicLong::get);
        }
    }

    public void set(Map<Watchdog.Concern, Long> counts) {
        gauges.forEach((c, g) -> g.set(counts.getOrDefault(c, 0L)));
    }
}
