package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.sharing.internal.entity.Delivery;
import org.steward.sharing.internal.entity.ChangeNotice;
import org.steward.sharing.internal.entity.Objection;
import org.steward.sharing.internal.entity.Subprocessor;
import org.steward.sharing.internal.entity.Subscription;

/**
 * Change notices and the objections to them. Publishing a notice writes one delivery per live subscription in the
 * same transaction (the outbox), so a notice is never announced without being sent, nor sent twice.
 */
@ApplicationScoped
public class Notices {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Clock clock;

    public ChangeNotice publish(Subprocessor s, ChangeNotice.Kind kind, String summary, String categoriesAdded,
                          OffsetDateTime objectionUntil, OffsetDateTime now) {
        ChangeNotice n = new ChangeNotice(Ids.newId().toString(), s.id(), kind, summary.length() > 2000
                ? summary.substring(0, 2000) : summary, categoriesAdded, now, objectionUntil);
        em.persist(n);
        for (String subscription : em.createQuery("SELECT s.id FROM Subscription s WHERE s.cancelledAt IS NULL",
                String.class).getResultList()) {
            em.persist(new Delivery(Ids.newId().toString(), n.id(), subscription, now));
        }
        return n;
    }

    /** Notices whose window has ended and whose change is not applied yet. */
    List<ChangeNotice> due(OffsetDateTime now) {
        return em.createQuery("SELECT n FROM ChangeNotice n WHERE n.appliedAt IS NULL AND n.effectiveAt <= :now"
                + " ORDER BY n.id", ChangeNotice.class).setParameter("now", now).setMaxResults(100).getResultList();
    }

    /** Claims the notice's application: true for the one transaction that applies it. */
    boolean markApplied(String noticeId, OffsetDateTime now) {
        return em.createQuery("UPDATE ChangeNotice n SET n.appliedAt = :now WHERE n.id = :id AND n.appliedAt IS NULL")
                .setParameter("now", now).setParameter("id", noticeId).executeUpdate() == 1;
    }

    /** The feed, newest first, paged by id (ids follow creation time). */
    public List<ChangeNotice> feed(PageRequest page) {
        return em.createQuery("SELECT n FROM ChangeNotice n WHERE (:after = '' OR n.id < :after) ORDER BY n.id DESC",
                        ChangeNotice.class).setParameter("after", page.after() == null ? "" : page.after())
                .setMaxResults(page.fetchSize()).getResultList();
    }

    public ChangeNotice get(String id) {
        ChangeNotice n = id == null || Ids.parseOrNull(id) == null ? null : em.find(ChangeNotice.class, id);
        if (n == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Notice " + id + " does not exist",
                    List.of(new FieldError("noticeId", "no such notice")));
        }
        return n;
    }

    /** A tenant's objection; after the window (or to a notice that opened none) a 409 naming the notice. */
    public Objection object(String noticeId, String tenantId, String reason) {
        ChangeNotice n = get(noticeId);
        OffsetDateTime now = Times.now(clock);
        if (n.objectionUntil() == null) {
            throw ProblemException.conflict("noticeId", "this notice opened no objection window: it announced a"
                    + " change that narrows or ends a subprocessor's processing");
        }
        if (!n.open(now)) {
            throw ProblemException.conflict("noticeId", "the objection window closed at " + n.objectionUntil());
        }
        Objection existing = em.createQuery("SELECT o FROM Objection o WHERE o.noticeId = :n AND o.tenantId = :t",
                Objection.class).setParameter("n", noticeId).setParameter("t", tenantId).getResultStream()
                .findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        Objection o = new Objection(Ids.newId().toString(), noticeId, tenantId, reason.strip(), now);
        em.persist(o);
        return o;
    }

    public List<Objection> objections(String noticeId) {
        get(noticeId);
        return em.createQuery("SELECT o FROM Objection o WHERE o.noticeId = :n ORDER BY o.id", Objection.class)
                .setParameter("n", noticeId).getResultList();
    }

    public long objectionCount(String noticeId) {
        return em.createQuery("SELECT COUNT(o) FROM Objection o WHERE o.noticeId = :n", Long.class)
                .setParameter("n", noticeId).getSingleResult();
    }

    /** Deliveries of one notice, for admins: who was told, and whether it got through. */
    public List<Delivery> deliveries(String noticeId) {
        return em.createQuery("SELECT d FROM Delivery d WHERE d.noticeId = :n ORDER BY d.id", Delivery.class)
                .setParameter("n", noticeId).getResultList();
    }

    /** Subscriptions of a tenant, live first. */
    public List<Subscription> subscriptions(String tenantId) {
        return em.createQuery("SELECT s FROM Subscription s WHERE s.tenantId = :t ORDER BY s.id", Subscription.class)
                .setParameter("t", tenantId).getResultList();
    }
}
