package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.identity.api.HostingMode;
import org.steward.identity.api.LicenceExpired;
import org.steward.identity.api.LicenceStatus;
import org.steward.identity.api.LicenceTerminated;
import org.steward.identity.api.TenantRegistered;
import org.steward.identity.internal.entity.LicenceChange;
import org.steward.identity.internal.entity.Tenant;
import org.steward.platform.audit.api.AuditLog;
import org.steward.platform.audit.api.Outcome;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.Times;

@ApplicationScoped
public class Tenants {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Event<TenantRegistered> registered;

    @Inject
    Event<LicenceExpired> expired;

    @Inject
    Event<LicenceTerminated> terminated;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Transactional
    public Tenant register(String name, String siteUrl, HostingMode mode, String licenceKey, LocalDate expiresOn) {
        refuseTakenLicenceKey(licenceKey, null, "licence.key");
        OffsetDateTime now = Times.now(clock);
        Tenant tenant = new Tenant(new TenantId(Ids.newId()), name, siteUrl, mode, licenceKey, expiresOn, now);
        em.persist(tenant);
        // No mapped relationship tells the unit of work that the history row depends on the tenant row.
        em.flush();
        em.persist(new LicenceChange(tenant.id(), null, LicenceStatus.ACTIVE, expiresOn, "REGISTERED", now));
        registered.fire(new TenantRegistered(tenant.id(), mode, now));
        return tenant;
    }

    public Tenant get(String id) {
        Tenant tenant = Ids.parseOrNull(id) == null ? null : em.find(Tenant.class, id);
        if (tenant == null) {
            throw ProblemException.notFound("Tenant", id);
        }
        return tenant;
    }

    /**
     * The tenant, its row locked for this transaction. Every change to a tenant takes this lock first, before any other
     * (the audit head included), so that it waits for the personal-data writes admitted by {@link TenantAdmission}
     * without a lock-order deadlock, and a write admitted after it sees the change.
     */
    Tenant lock(String id) {
        Tenant tenant = Ids.parseOrNull(id) == null ? null
                : em.find(Tenant.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (tenant == null) {
            throw ProblemException.notFound("Tenant", id);
        }
        return tenant;
    }

    public List<Tenant> list(PageRequest page) {
        String after = page.after() == null ? "" : page.after();
        return em.createQuery("SELECT t FROM Tenant t WHERE t.id > :after ORDER BY t.id", Tenant.class)
                .setParameter("after", after).setMaxResults(page.fetchSize()).getResultList();
    }

    @Transactional
    public Tenant update(String id, String name, String siteUrl) {
        Tenant tenant = lock(id);
        tenant.rename(name, siteUrl, Times.now(clock));
        return tenant;
    }

    @Transactional
    public Tenant renew(String id, String licenceKey, LocalDate expiresOn) {
        Tenant tenant = lock(id);
        if (!LicenceRules.canRenew(tenant.licenceStatus())) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "The licence was terminated and the tenant erased; a terminated licence cannot be renewed");
        }
        refuseTakenLicenceKey(licenceKey, tenant.rawId(), "key");
        LicenceStatus before = tenant.licenceStatus();
        OffsetDateTime now = Times.now(clock);
        tenant.renew(licenceKey, expiresOn, now);
        em.persist(new LicenceChange(tenant.id(), before, LicenceStatus.ACTIVE, expiresOn, "RENEWED", now));
        return tenant;
    }

    @Transactional
    public Tenant terminate(String id, boolean acknowledged) {
        return terminate(id, acknowledged, null);
    }

    @Transactional
    public Tenant terminate(String id, boolean acknowledged, String reason) {
        Tenant tenant = lock(id);
        if (tenant.licenceStatus() == LicenceStatus.TERMINATED) {
            throw new ProblemException(ProblemType.CONFLICT, "The licence is already terminated");
        }
        if (!acknowledged) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Terminating the licence erases every subject of this tenant and cannot be undone (policy §10);"
                            + " send acknowledgeErasure: true to proceed",
                    List.of(new org.steward.platform.kernel.api.FieldError("acknowledgeErasure", "must be true")));
        }
        LicenceStatus before = tenant.licenceStatus();
        OffsetDateTime now = Times.now(clock);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        tenant.terminate(why, now);
        em.persist(new LicenceChange(tenant.id(), before, LicenceStatus.TERMINATED, tenant.licenceExpiresOn(),
                "TERMINATED", why, now));
        terminated.fire(new LicenceTerminated(tenant.id(), now));
        return tenant;
    }

    public List<LicenceChange> history(String id) {
        Tenant tenant = get(id);
        return em.createQuery("SELECT c FROM LicenceChange c WHERE c.tenantId = :t ORDER BY c.id", LicenceChange.class)
                .setParameter("t", tenant.rawId()).getResultList();
    }

    /** Ids of tenants whose licence is due, as of {@code today}. */
    public List<String> dueForExpiry(LocalDate today, int max) {
        return em.createQuery("SELECT t.id FROM Tenant t WHERE t.licenceStatus = :active"
                        + " AND t.licenceExpiresOn < :today ORDER BY t.id", String.class)
                .setParameter("active", LicenceStatus.ACTIVE).setParameter("today", today)
                .setMaxResults(max).getResultList();
    }

    /**
     * Expires one licence if it is still due. The conditional update is the claim: when several instances race,
     * exactly one sees a changed row, so the event fires once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean expire(String id, LocalDate today) {
        OffsetDateTime now = Times.now(clock);
        int changed = em.createQuery("UPDATE Tenant t SET t.licenceStatus = :expired, t.updatedAt = :now,"
                        + " t.version = t.version + 1 WHERE t.id = :id AND t.licenceStatus = :active"
                        + " AND t.licenceExpiresOn < :today")
                .setParameter("expired", LicenceStatus.EXPIRED).setParameter("now", now)
                .setParameter("id", id).setParameter("active", LicenceStatus.ACTIVE)
                .setParameter("today", today).executeUpdate();
        if (changed != 1) {
            return false;
        }
        Tenant tenant = em.find(Tenant.class, id);
        em.refresh(tenant);
        em.persist(new LicenceChange(tenant.id(), LicenceStatus.ACTIVE, LicenceStatus.EXPIRED,
                tenant.licenceExpiresOn(), "EXPIRED", now));
        expired.fire(new LicenceExpired(tenant.id(), tenant.licenceExpiresOn(), now));
        auditLog.append("tenant.licence.expire", "tenant", id, Outcome.SUCCESS);
        return true;
    }

    /** {@code field} is the key's path in the request body: {@code licence.key} on registration, {@code key} on renewal. */
    private void refuseTakenLicenceKey(String key, String exceptTenant, String field) {
        List<String> owners = em.createQuery("SELECT t.id FROM Tenant t WHERE t.licenceKey = :k", String.class)
                .setParameter("k", key).getResultList();
        if (owners.stream().anyMatch(o -> !o.equals(exceptTenant))) {
            throw ProblemException.conflict(field, "another tenant already holds this licence key");
        }
    }
}
