package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.steward.platform.audit.api.AuditLog;
import org.steward.platform.audit.api.Outcome;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.subjectrights.internal.entity.Request;
import org.steward.subjectrights.internal.entity.TimelineEntry;

/**
 * A request's history, and its audit trail: every entry is also an audit entry ({@code request.<kind>}) in the same
 * transaction, so that no state change or reminder goes unrecorded.
 */
@ApplicationScoped
public class Timeline {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public void record(Request r, TimelineEntry.Kind kind, String detail) {
        em.persist(new TimelineEntry(Ids.newId().toString(), r.id(), Times.now(clock), kind, r.state(),
                CurrentCaller.now().id(), detail));
        String action = kind == TimelineEntry.Kind.STATE
                ? "request." + r.state().name().toLowerCase(java.util.Locale.ROOT)
                : "request." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        audit.append(action, "request", r.id(), Outcome.SUCCESS);
    }

    public List<TimelineEntry> of(String requestId) {
        return em.createQuery("SELECT e FROM TimelineEntry e WHERE e.requestId = :r ORDER BY e.occurredAt, e.id",
                TimelineEntry.class).setParameter("r", requestId).getResultList();
    }
}
