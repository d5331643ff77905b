package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.steward.identity.api.LicenceStatus;
import org.steward.identity.api.SubjectDirectory;
import org.steward.platform.kernel.api.DeviceId;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.kernel.api.erasure.ErasureId;
import org.steward.platform.kernel.api.erasure.ErasureScope;
import org.steward.platform.kernel.api.erasure.ErasureTrigger;
import org.steward.retention.api.ErasureStatus;
import org.steward.retention.api.Erasures;
import org.steward.retention.internal.entity.Erasure;

/**
 * The erasure outbox. Triggers insert a row in their own transaction, so an erasure is never lost between its cause
 * and its execution; the sweep claims due rows with a lease, a conditional UPDATE that works alike on PostgreSQL and
 * H2 (H2 2.2 accepts {@code FOR UPDATE SKIP LOCKED} but applies {@code LIMIT} before skipping, so a second instance
 * gets no rows at all rather than the next ones).
 */
@ApplicationScoped
public class ErasureQueue implements Erasures {

    static final String REQUEST_REASON = "The data subject asked for erasure (GDPR Art. 17, policy §9)";
    static final String MINOR_REASON = "The subject was flagged as a minor: their data is deleted promptly (policy §8)";
    static final String ACCOUNT_CLOSED_REASON = "Atlassian reported the subject's account closed: its personal data"
            + " is erased (Atlassian's user privacy guidance for apps)";
    static final String DEVICE_REASON = "A website visitor asked for their device's data to be erased (GDPR Art. 17,"
            + " policy §9)";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    SubjectDirectory subjects;

    @Inject
    Clock clock;

    @Inject
    Holds holds;

    @Override
    @Transactional
    public ErasureId requestSubjectErasure(TenantId tenantId, SubjectId subjectId, String reference) {
        boolean found = subjects.find(subjectId).filter(r -> r.tenantId().equals(tenantId)).isPresent();
        if (!found) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Subject " + subjectId.asString()
                    + " does not exist in this tenant", List.of(new FieldError("subjectId", "no such subject")));
        }
        String id = enqueueSubject(tenantId.asString(), subjectId.asString(), ErasureTrigger.SUBJECT_REQUEST,
                REQUEST_REASON, reference);
        markHeldNow(id);
        return ErasureId.of(id);
    }

    @Override
    @Transactional
    public Optional<ErasureId> requestAccountClosedErasure(TenantId tenantId, SubjectId subjectId, String reference) {
        if (subjects.find(subjectId).filter(r -> r.tenantId().equals(tenantId)).isEmpty()) {
            return Optional.empty();
        }
        String id = enqueueSubject(tenantId.asString(), subjectId.asString(), ErasureTrigger.ATLASSIAN_ACCOUNT_CLOSED,
                ACCOUNT_CLOSED_REASON, reference);
        markHeldNow(id);
        return Optional.of(ErasureId.of(id));
    }

    /**
     * A request that a hold suspends says so at once (its {@code heldBy}), rather than when the sweep reaches it:
     * the person asking learns that their erasure waits, and for which hold.
     */
    private void markHeldNow(String id) {
        Erasure e = em.find(Erasure.class, id);
        if (e.heldBy() == null) {
            holds.stopping(e, Times.now(clock)).ifPresent(h -> {
                em.flush();
                em.createQuery("UPDATE Erasure e SET e.heldBy = :h WHERE e.id = :id AND e.heldBy IS NULL")
                        .setParameter("h", h.id()).setParameter("id", id).executeUpdate();
                em.refresh(e);
            });
        }
    }

    @Override
    @Transactional
    public ErasureId requestDeviceErasure(DeviceId deviceId, String reference) {
        List<String> pending = em.createQuery("SELECT e.id FROM Erasure e WHERE e.deviceId = :d AND e.status = :p"
                        + " AND e.scope = :scope", String.class)
                .setParameter("d", deviceId.asString()).setParameter("p", Erasure.Status.PENDING)
                .setParameter("scope", ErasureScope.DEVICE).getResultList();
        if (!pending.isEmpty()) {
            return ErasureId.of(pending.get(0));
        }
        Erasure e = Erasure.ofDevice(Ids.newId().toString(), deviceId.asString(), ErasureTrigger.SUBJECT_REQUEST,
                DEVICE_REASON, reference, Times.now(clock));
        em.persist(e);
        return ErasureId.of(e.id());
    }

    /** Queues a subject's erasure, or returns the one already pending for that subject. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String enqueueSubject(String tenantId, String subjectId, ErasureTrigger trigger, String reason,
                                 String reference) {
        List<String> pending = em.createQuery("SELECT e.id FROM Erasure e WHERE e.subjectId = :s AND e.status = :p"
                        + " AND e.scope = :scope", String.class)
                .setParameter("s", subjectId).setParameter("p", Erasure.Status.PENDING)
                .setParameter("scope", ErasureScope.SUBJECT).getResultList();
        if (!pending.isEmpty()) {
            return pending.get(0);
        }
        OffsetDateTime now = Times.now(clock);
        Erasure e = new Erasure(Ids.newId().toString(), ErasureScope.SUBJECT, tenantId, subjectId, null, trigger,
                reason, reference, null, now, now);
        em.persist(e);
        return e.id();
    }

    /**
     * The safety net of policy §10: a tenant whose licence ended and that still holds subjects, with no erasure
     * pending (held ones are pending), is queued again. Nothing can be stored for an ended tenant, so this finds only
     * rows stored before that rule existed; it costs the sweep one query when there are none. Returns how many it queued.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int requeueEndedTenants() {
        int n = 0;
        for (SubjectDirectory.EndedTenant t : subjects.endedTenantsHoldingSubjects(100)) {
            String tenantId = t.tenantId().asString();
            long pending = em.createQuery("SELECT COUNT(e) FROM Erasure e WHERE e.tenantId = :t AND e.status = :p"
                            + " AND e.scope = :scope", Long.class).setParameter("t", tenantId)
                    .setParameter("p", Erasure.Status.PENDING).setParameter("scope", ErasureScope.TENANT)
                    .getSingleResult();
            if (pending == 0) {
                enqueueTenant(tenantId, t.status() == LicenceStatus.TERMINATED ? ErasureTrigger.LICENCE_TERMINATION
                        : ErasureTrigger.LICENCE_EXPIRY, "Subjects were left after the tenant's licence ended ("
                        + t.status() + "): they are erased too (policy §10)");
                n++;
            }
        }
        return n;
    }

    /** Queues a tenant's erasure (it expands into its subjects at the next sweep), unless one is pending. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String enqueueTenant(String tenantId, ErasureTrigger trigger, String reason) {
        List<String> pending = em.createQuery("SELECT e.id FROM Erasure e WHERE e.tenantId = :t AND e.status = :p"
                        + " AND e.scope = :scope", String.class)
                .setParameter("t", tenantId).setParameter("p", Erasure.Status.PENDING)
                .setParameter("scope", ErasureScope.TENANT).getResultList();
        if (!pending.isEmpty()) {
            return pending.get(0);
        }
        OffsetDateTime now = Times.now(clock);
        Erasure e = new Erasure(Ids.newId().toString(), ErasureScope.TENANT, tenantId, null, null, trigger, reason,
                null, null, now, now);
        em.persist(e);
        return e.id();
    }

    /**
     * Leases up to {@code limit} due rows of a scope to {@code owner}, in a short transaction of its own, and returns
     * their ids. Rows whose lease has not run out are left alone: an instance that crashed keeps its rows until then.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> claim(ErasureScope scope, String owner, int limit, java.time.Duration lease) {
        OffsetDateTime now = Times.now(clock);
        List<String> candidates = em.createQuery("SELECT e.id FROM Erasure e WHERE e.status = :p AND e.scope = :scope"
                        + " AND e.dueAt <= :now AND (e.leaseUntil IS NULL OR e.leaseUntil < :now)"
                        + " ORDER BY e.dueAt, e.id", String.class)
                .setParameter("p", Erasure.Status.PENDING).setParameter("scope", scope).setParameter("now", now)
                .setMaxResults(limit).getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        OffsetDateTime until = now.plus(lease);
        em.createQuery("UPDATE Erasure e SET e.leaseOwner = :o, e.leaseUntil = :u, e.attempts = e.attempts + 1"
                        + " WHERE e.id IN :ids AND e.status = :p AND (e.leaseUntil IS NULL OR e.leaseUntil < :now)")
                .setParameter("o", owner).setParameter("u", until).setParameter("ids", candidates)
                .setParameter("p", Erasure.Status.PENDING).setParameter("now", now).executeUpdate();
        return em.createQuery("SELECT e.id FROM Erasure e WHERE e.id IN :ids AND e.leaseOwner = :o"
                        + " AND e.leaseUntil = :u AND e.status = :p ORDER BY e.dueAt, e.id", String.class)
                .setParameter("ids", candidates).setParameter("o", owner).setParameter("u", until)
                .setParameter("p", Erasure.Status.PENDING).getResultList();
    }

    /** Gives a lease back early, so that any instance's next sweep may take the row. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String id, String owner) {
        em.createQuery("UPDATE Erasure e SET e.leaseOwner = NULL, e.leaseUntil = NULL WHERE e.id = :id"
                + " AND e.leaseOwner = :o").setParameter("id", id).setParameter("o", owner).executeUpdate();
    }

    /** What is due now (not held, not leased by another instance): the sweep's "due" figure. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long countDue() {
        return em.createQuery("SELECT COUNT(e) FROM Erasure e WHERE e.status = :p AND e.dueAt <= :now", Long.class)
                .setParameter("p", Erasure.Status.PENDING).setParameter("now", Times.now(clock)).getSingleResult();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long countPending() {
        return em.createQuery("SELECT COUNT(e) FROM Erasure e WHERE e.status = :p", Long.class)
                .setParameter("p", Erasure.Status.PENDING).getSingleResult();
    }

    public Erasure get(String id) {
        Erasure e = Ids.parseOrNull(id) == null ? null : em.find(Erasure.class, id);
        if (e == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Erasure " + id + " does not exist",
                    List.of(new FieldError("erasureId", "no such erasure")));
        }
        return e;
    }

    /**
     * Read as columns, not as the entity: the processor changes rows with bulk updates, which a managed instance in
     * the caller's persistence context would not show.
     */
    @Override
    public Optional<ErasureStatus> status(ErasureId erasureId) {
        if (erasureId == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT e.id, e.status, e.completedAt, e.heldBy FROM Erasure e WHERE e.id = :id",
                        Object[].class)
                .setParameter("id", erasureId.asString()).getResultStream().findFirst().map(this::status);
    }

    @Override
    public Optional<ErasureStatus> tenantErasure(TenantId tenantId) {
        List<Object[]> pending = tenantRows(tenantId, Erasure.Status.PENDING, "e.createdAt");
        List<Object[]> rows = pending.isEmpty() ? tenantRows(tenantId, Erasure.Status.DONE, "e.completedAt DESC")
                : pending;
        return rows.stream().findFirst().map(this::status);
    }

    private List<Object[]> tenantRows(TenantId tenantId, Erasure.Status status, String order) {
        return em.createQuery("SELECT e.id, e.status, e.completedAt, e.heldBy FROM Erasure e WHERE e.tenantId = :t"
                        + " AND e.scope = :scope AND e.status = :s ORDER BY " + order + ", e.id", Object[].class)
                .setParameter("t", tenantId.asString()).setParameter("scope", ErasureScope.TENANT)
                .setParameter("s", status).setMaxResults(1).getResultList();
    }

    /** A row of (id, status, completedAt, heldBy) with its certificate, which a done erasure has. */
    private ErasureStatus status(Object[] row) {
        String id = (String) row[0];
        boolean done = row[1] == Erasure.Status.DONE;
        String certificate = done ? em.createQuery("SELECT c.id FROM Certificate c WHERE c.erasureId = :e",
                        String.class).setParameter("e", id).getResultStream().findFirst().orElse(null) : null;
        return new ErasureStatus(ErasureId.of(id), done, certificate, (OffsetDateTime) row[2], (String) row[3]);
    }

    public List<Erasure> list(Erasure.Status status, PageRequest page) {
        String after = page.after() == null ? "" : page.after();
        if (status == null) {
            return em.createQuery("SELECT e FROM Erasure e WHERE e.id > :after ORDER BY e.id", Erasure.class)
                    .setParameter("after", after).setMaxResults(page.fetchSize()).getResultList();
        }
        return em.createQuery("SELECT e FROM Erasure e WHERE e.status = :s AND e.id > :after ORDER BY e.id",
                        Erasure.class)
                .setParameter("s", status).setParameter("after", after).setMaxResults(page.fetchSize())
                .getResultList();
    }
}
