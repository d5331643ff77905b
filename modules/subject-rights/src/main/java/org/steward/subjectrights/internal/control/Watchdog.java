package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.platform.kernel.api.Times;
import org.steward.sharing.api.RecipientPropagations;
import org.steward.subjectrights.api.RequestState;
import org.steward.subjectrights.internal.entity.FulfilmentTask;
import org.steward.subjectrights.internal.entity.Request;

/**
 * Every open request that needs someone's attention: overdue, due within N days, an acknowledgement that is due
 * (CCPA), stuck (a task that has not moved for {@code stuck-after}), failing (a task that keeps failing), or an
 * erasure waiting for a recipient of the subject's data that is late to confirm it (sharing's propagation).
 */
@ApplicationScoped
public class Watchdog {

    /** Why a request is on the list. */
    public enum Concern { OVERDUE, DUE_SOON, ACKNOWLEDGEMENT_DUE, STUCK, FAILING, RECIPIENT_OVERDUE }

    public record Finding(Concern concern, Request request, FulfilmentTask task) {
    }

    static final List<RequestState> CLOSED = List.of(RequestState.COMPLETED, RequestState.DENIED,
            RequestState.CANCELLED);

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    RequestConfig config;

    @Inject
    RecipientPropagations propagations;

    @Inject
    Clock clock;

    public List<Finding> findings(int dueWithinDays) {
        OffsetDateTime now = Times.now(clock);
        LocalDate today = now.toLocalDate();
        java.util.ArrayList<Finding> out = new java.util.ArrayList<>();
        requests("r.dueOn < :d", today).forEach(r -> out.add(new Finding(Concern.OVERDUE, r, null)));
        em.createQuery("SELECT r FROM Request r WHERE r.state NOT IN :closed AND r.dueOn >= :today"
                        + " AND r.dueOn <= :until ORDER BY r.dueOn, r.id", Request.class)
                .setParameter("closed", CLOSED).setParameter("today", today)
                .setParameter("until", today.plusDays(dueWithinDays)).setMaxResults(1000).getResultList()
                .forEach(r -> out.add(new Finding(Concern.DUE_SOON, r, null)));
        em.createQuery("SELECT r FROM Request r WHERE r.state NOT IN :closed AND r.acknowledgedAt IS NULL"
                        + " AND r.acknowledgeBy IS NOT NULL AND r.acknowledgeBy <= :until ORDER BY r.acknowledgeBy, r.id",
                        Request.class)
                .setParameter("closed", CLOSED).setParameter("until", today.plusDays(dueWithinDays))
                .setMaxResults(1000).getResultList()
                .forEach(r -> out.add(new Finding(Concern.ACKNOWLEDGEMENT_DUE, r, null)));
        for (Object[] row : em.createQuery("SELECT t, r FROM FulfilmentTask t, Request r WHERE r.id = t.requestId"
                        + " AND r.state = :inProgress AND t.state IN :open AND t.updatedAt < :stale"
                        + " ORDER BY t.updatedAt", Object[].class)
                .setParameter("inProgress", RequestState.IN_PROGRESS)
                .setParameter("open", List.of(FulfilmentTask.State.PENDING, FulfilmentTask.State.WAITING,
                        FulfilmentTask.State.FAILING))
                .setParameter("stale", now.minus(config.stuckAfter())).setMaxResults(1000).getResultList()) {
            out.add(new Finding(Concern.STUCK, (Request) row[1], (FulfilmentTask) row[0]));
        }
        for (Object[] row : em.createQuery("SELECT t, r FROM FulfilmentTask t, Request r WHERE r.id = t.requestId"
                        + " AND r.state = :inProgress AND t.state = :failing ORDER BY t.updatedAt", Object[].class)
                .setParameter("inProgress", RequestState.IN_PROGRESS)
                .setParameter("failing", FulfilmentTask.State.FAILING).setMaxResults(1000).getResultList()) {
            out.add(new Finding(Concern.FAILING, (Request) row[1], (FulfilmentTask) row[0]));
        }
        for (Object[] row : em.createQuery("SELECT t, r FROM FulfilmentTask t, Request r WHERE r.id = t.requestId"
                        + " AND r.state = :inProgress AND t.state = :waiting AND t.action = :erase"
                        + " AND t.resultRef IS NOT NULL ORDER BY t.updatedAt", Object[].class)
                .setParameter("inProgress", RequestState.IN_PROGRESS)
                .setParameter("waiting", FulfilmentTask.State.WAITING)
                .setParameter("erase", FulfilmentTask.Action.ERASE).setMaxResults(1000).getResultList()) {
            FulfilmentTask t = (FulfilmentTask) row[0];
            if (propagations.progress(t.resultRef()).overdue() > 0) {
                out.add(new Finding(Concern.RECIPIENT_OVERDUE, (Request) row[1], t));
            }
        }
        return out;
    }

    private List<Request> requests(String condition, LocalDate date) {
        return em.createQuery("SELECT r FROM Request r WHERE r.state NOT IN :closed AND " + condition
                        + " ORDER BY r.dueOn, r.id", Request.class)
                .setParameter("closed", CLOSED).setParameter("d", date).setMaxResults(1000).getResultList();
    }
}
