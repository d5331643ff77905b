package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.steward.platform.kernel.api.ScheduledJob;
import org.steward.subjectrights.internal.entity.Request;
import org.steward.subjectrights.internal.entity.TimelineEntry;

/**
 * Looks at the watchdog's findings every {@code watchdog-period}: each concern of a request is recorded once on its
 * timeline as a reminder (and so audited), the gauges {@code requests_overdue}, {@code requests_due_soon},
 * {@code requests_acknowledgement_due}, {@code requests_stuck} and {@code requests_failing} are refreshed, exports
 * whose link was used or expired are deleted, and the request log is purged of entries past their retention.
 */
@ApplicationScoped
public class WatchdogJob implements ScheduledJob {

    @Inject
    Watchdog watchdog;

    @Inject
    Timeline timeline;

    @Inject
    RequestLog log;

    @Inject
    RequestConfig config;

    @Inject
    RequestGauges gauges;

    @Override
    public String name() {
        return "request-watchdog";
    }

    @Override
    public Duration period() {
        return config.watchdogPeriod();
    }

    @Override
    @Transactional
    public void run() {
        List<Watchdog.Finding> findings = watchdog.findings(config.dueSoonDays());
        Map<Watchdog.Concern, Long> counts = new EnumMap<>(Watchdog.Concern.class);
        for (Watchdog.Finding f : findings) {
            counts.merge(f.concern(), 1L, Long::sum);
            remind(f);
        }
        gauges.set(counts);
        log.purgeDeliveredExports();
        log.purge(200);
    }

    private void remind(Watchdog.Finding f) {
        Request r = f.request();
        Set<String> done = new LinkedHashSet<>(r.reminded() == null ? List.of() : List.of(r.reminded().split(",")));
        if (done.add(f.concern().name())) {
            r.reminded(String.join(",", done));
            timeline.record(r, TimelineEntry.Kind.REMINDER, f.concern().name()
                    + (f.task() == null ? "" : " " + f.task().module() + " " + f.task().action()));
        }
    }
}
