package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.steward.identity.api.SubjectDirectory;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.TenantDirectory;
import org.steward.retention.internal.entity.Erasure;
import org.steward.retention.internal.entity.LegalHold;

/** Legal holds: created, listed, released; and the question every automatic deletion asks first. */
@ApplicationScoped
public class Holds {

    /** The longest hold: ten years. A longer one is almost certainly a mistake in the date. */
    static final int MAX_YEARS = 10;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    SubjectDirectory subjects;

    @Inject
    TenantDirectory tenants;

    @Inject
    Clock clock;

    @Transactional
    public LegalHold place(LegalHold.Scope scope, String tenantId, String subjectId, String reason, String owner,
                           OffsetDateTime endsAt, boolean blocksRequests, String blockReason) {
        OffsetDateTime now = Times.now(clock);
        if (!endsAt.isAfter(now) || endsAt.isAfter(now.plusYears(MAX_YEARS))) {
            throw ProblemException.invalid("endsAt", "must be in the future and at most " + MAX_YEARS + " years away");
        }
        if (blocksRequests && (blockReason == null || blockReason.isBlank())) {
            throw ProblemException.invalid("blockReason",
                    "a hold that blocks the subject's own erasure request must record why");
        }
        if (Ids.parseOrNull(tenantId) == null || !tenants.exists(tenantId)) {
            throw unknown("tenantId", "no such tenant");
        }
        if (scope == LegalHold.Scope.SUBJECT) {
            if (subjectId == null) {
                throw ProblemException.invalid("subjectId", "is required for a SUBJECT hold");
            }
            boolean found = Ids.parseOrNull(subjectId) != null && subjects.find(SubjectId.of(subjectId))
                    .filter(r -> r.tenantId().asString().equals(tenantId)).isPresent();
            if (!found) {
                throw unknown("subjectId", "no such subject in this tenant");
            }
        } else if (subjectId != null) {
            throw ProblemException.invalid("subjectId", "must be absent for a TENANT hold");
        }
        LegalHold hold = new LegalHold(Ids.newId().toString(), scope, tenantId,
                scope == LegalHold.Scope.SUBJECT ? subjectId : null, reason.strip(), owner.strip(), endsAt,
                blocksRequests, blocksRequests ? blockReason.strip() : null, now);
        em.persist(hold);
        return hold;
    }

    public LegalHold get(String id) {
        LegalHold hold = Ids.parseOrNull(id) == null ? null : em.find(LegalHold.class, id);
        if (hold == null) {
            throw ProblemException.notFound("Legal hold", id);
        }
        return hold;
    }

    public List<LegalHold> list(PageRequest page) {
        return em.createQuery("SELECT h FROM LegalHold h WHERE h.id > :after ORDER BY h.id", LegalHold.class)
                .setParameter("after", page.after() == null ? "" : page.after()).setMaxResults(page.fetchSize())
                .getResultList();
    }

    /** Ends a hold now; erasures it held become due at once. */
    @Transactional
    public LegalHold release(String id) {
        LegalHold hold = get(id);
        if (hold.releasedAt() != null) {
            throw new ProblemException(ProblemType.CONFLICT, "The hold is already released");
        }
        OffsetDateTime now = Times.now(clock);
        hold.release(now);
        em.createQuery("UPDATE Erasure e SET e.dueAt = :now, e.heldBy = NULL WHERE e.heldBy = :h AND e.status = :p")
                .setParameter("now", now).setParameter("h", id).setParameter("p", Erasure.Status.PENDING)
                .executeUpdate();
        return hold;
    }

    /**
     * The hold that stops this erasure now, if any. Automatic erasures stop at any active hold on the tenant or the
     * subject; the subject's own request only at one that blocks requests and records why.
     */
    public Optional<LegalHold> stopping(Erasure e, OffsetDateTime now) {
        if (e.tenantId() == null) {
            return Optional.empty();
        }
        List<LegalHold> holds = em.createQuery("SELECT h FROM LegalHold h WHERE h.releasedAt IS NULL"
                        + " AND h.endsAt > :now AND h.tenantId = :t AND (h.scope = :tenant OR h.subjectId = :s)"
                        + " ORDER BY h.endsAt DESC", LegalHold.class)
                .setParameter("now", now).setParameter("t", e.tenantId())
                .setParameter("tenant", LegalHold.Scope.TENANT)
                .setParameter("s", e.subjectId() == null ? "" : e.subjectId()).getResultList();
        return holds.stream().filter(h -> e.trigger().automatic() || h.blocksRequests()).findFirst();
    }

    public Set<String> heldTenants(OffsetDateTime now) {
        return new HashSet<>(em.createQuery("SELECT DISTINCT h.tenantId FROM LegalHold h WHERE h.releasedAt IS NULL"
                        + " AND h.endsAt > :now AND h.scope = :tenant", String.class)
                .setParameter("now", now).setParameter("tenant", LegalHold.Scope.TENANT).getResultList());
    }

    public Set<String> heldSubjects(OffsetDateTime now) {
        return new HashSet<>(em.createQuery("SELECT DISTINCT h.subjectId FROM LegalHold h WHERE h.releasedAt IS NULL"
                        + " AND h.endsAt > :now AND h.scope = :subject", String.class)
                .setParameter("now", now).setParameter("subject", LegalHold.Scope.SUBJECT).getResultList());
    }

    private static ProblemException unknown(String field, String message) {
        return new ProblemException(ProblemType.BUSINESS_RULE, field + ": " + message,
                List.of(new FieldError(field, message)));
    }
}
