package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
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

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    WatchdogJob self;

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

    /**
     * Each reminder in a transaction of its own that locks its request first: every writer of a request takes the
     * request's row before the audit chain's head, so that two writers never wait on each other in a circle.
     */
    @Override
    public void run() {
        Map<Watchdog.Concern, Long> counts = new EnumMap<>(Watchdog.Concern.class);
        for (Watchdog.Finding f : self.findings()) {
            counts.merge(f.concern(), 1L, Long::sum);
            // Most findings were reminded of in an earlier period: no locking transaction for those.
            if (!reminded(f.request()).contains(f.concern().name())) {
                self.remind(f.request().id(), f.concern().name(),
                        f.task() == null ? "" : " " + f.task().module() + " " + f.task().action());
            }
        }
        gauges.set(counts);
        self.housekeeping();
    }

    @Transactional
    public List<Watchdog.Finding> findings() {
        return watchdog.findings(config.dueSoonDays());
    }

    /** Records a concern on the request's timeline once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remind(String requestId, String concern, String detail) {
        Request r = em.find(Request.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            return;
        }
        em.refresh(r);
        Set<String> done = reminded(r);
        if (done.add(concern)) {
            r.reminded(String.join(",", done));
            timeline.record(r, TimelineEntry.Kind.REMINDER, concern + detail);
        }
    }

    private static Set<String> reminded(Request r) {
        return new LinkedHashSet<>(r.reminded() == null ? List.of() : List.of(r.reminded().split(",")));
    }

    /** Deletes delivered exports and requests past the log's retention. */
    @Transactional
    public void housekeeping() {
        log.purgeDeliveredExports();
        log.purge(200);
    }
}
