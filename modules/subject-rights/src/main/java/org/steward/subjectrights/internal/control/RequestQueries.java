package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.TenantScope;
import org.steward.subjectrights.api.RequestState;
import org.steward.subjectrights.api.RequestType;
import org.steward.subjectrights.internal.entity.FulfilmentTask;
import org.steward.subjectrights.internal.entity.Request;

/** Reads of requests for staff: a tenant-bound caller sees its tenant's requests only. */
@ApplicationScoped
public class RequestQueries {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    TenantScope scope;

    @Inject
    Clock clock;

    public Request find(String id) {
        return em.find(Request.class, id);
    }

    /** Newest first (ids are time-ordered), keyset pages. */
    public List<Request> list(RequestState state, RequestType type, boolean overdue, PageRequest page) {
        StringBuilder q = new StringBuilder("SELECT r FROM Request r WHERE 1 = 1");
        String tenant = scope.boundTenant();
        if (tenant != null) {
            q.append(" AND r.tenantId = :tenant");
        }
        if (state != null) {
            q.append(" AND r.state = :state");
        }
        if (type != null) {
            q.append(" AND r.type = :type");
        }
        if (overdue) {
            q.append(" AND r.state NOT IN :closed AND r.dueOn < :today");
        }
        if (page.after() != null) {
            q.append(" AND r.id < :after");
        }
        q.append(" ORDER BY r.id DESC");
        TypedQuery<Request> query = em.createQuery(q.toString(), Request.class);
        if (tenant != null) {
            query.setParameter("tenant", tenant);
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        if (type != null) {
            query.setParameter("type", type);
        }
        if (overdue) {
            query.setParameter("closed", Watchdog.CLOSED).setParameter("today", Times.now(clock).toLocalDate());
        }
        if (page.after() != null) {
            query.setParameter("after", page.after());
        }
        return query.setMaxResults(page.fetchSize()).getResultList();
    }

    public FulfilmentTask retry(String requestId, String taskId) {
        OffsetDateTime now = Times.now(clock);
        int n = em.createQuery("UPDATE FulfilmentTask t SET t.nextAttemptAt = :now, t.leaseUntil = NULL,"
                        + " t.leaseOwner = NULL WHERE t.id = :id AND t.requestId = :r AND t.state IN :open")
                .setParameter("now", now).setParameter("id", taskId).setParameter("r", requestId)
                .setParameter("open", List.of(FulfilmentTask.State.PENDING, FulfilmentTask.State.WAITING,
                        FulfilmentTask.State.FAILING)).executeUpdate();
        FulfilmentTask t = em.find(FulfilmentTask.class, taskId);
        if (t == null || !t.requestId().equals(requestId)) {
            throw ProblemException.notFound("task", taskId);
        }
        em.refresh(t);
        if (n == 0) {
            throw ProblemException.conflict("state", "the task is " + t.state() + ": nothing to retry");
        }
        return t;
    }
}
