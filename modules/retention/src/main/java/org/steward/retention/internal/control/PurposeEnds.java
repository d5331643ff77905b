package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentChanged;
import org.steward.consent.api.PurposeCatalog;
import org.steward.identity.api.SubjectDirectory;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.Times;
import org.steward.retention.internal.entity.PurposeEnd;

/**
 * When purposes ended for subjects: declared by the vendor's systems, or taken from consent in the transaction that
 * records the subject's withdrawal, opt-out or objection (so an end is never lost and never recorded for a change
 * that rolled back). A PURPOSE_FULFILLED sweep asks which subjects are due and marks their ends DONE.
 */
@ApplicationScoped
public class PurposeEnds {

    /** A declared end may lie this far in the future (clock skew between the caller and the server), no further. */
    static final Duration SKEW = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    SubjectDirectory subjects;

    @Inject
    PurposeCatalog purposes;

    @Inject
    Clock clock;

    /**
     * A subject's own choice ends the purpose: WITHDRAWN, OPTED_OUT or OBJECTED (an end already pending keeps its
     * earlier time: repeating the choice must not postpone the erasure). A GRANT or OPT_IN resumes the purpose.
     */
    void onConsentChanged(@Observes ConsentChanged e) {
        Optional<SubjectId> subject = e.holder().subjectId();
        if (e.tenantId() == null || subject.isEmpty()) {
            return; // website visitors' devices: no records in identity to erase
        }
        String subjectId = subject.get().asString();
        PurposeEnd.Cause cause = switch (e.status()) {
            case WITHDRAWN -> PurposeEnd.Cause.WITHDRAWN;
            case OPTED_OUT -> PurposeEnd.Cause.OPTED_OUT;
            case OBJECTED -> PurposeEnd.Cause.OBJECTED;
            default -> null;
        };
        if (cause != null) {
            record(e.tenantId().asString(), subjectId, e.purposeKey(), e.occurredAt(), cause, false);
        } else if (e.action() == ConsentAction.GRANT || e.action() == ConsentAction.OPT_IN) {
            find(subjectId, e.purposeKey()).filter(p -> p.status() == PurposeEnd.Status.PENDING).ifPresent(em::remove);
        }
    }

    /** Declared by a caller: checked, then recorded. Runs in the caller's (the resource's) transaction. */
    public PurposeEnd declare(String tenantId, String subjectId, String purposeKey, OffsetDateTime endedAt,
                              PurposeEnd.Cause cause) {
        requireSubject(tenantId, subjectId);
        requirePurpose(purposeKey);
        OffsetDateTime now = Times.now(clock);
        OffsetDateTime at = endedAt == null ? now : endedAt;
        if (at.isAfter(now.plus(SKEW))) {
            throw ProblemException.invalid("endedAt", "must not be in the future: declare an end once it happened");
        }
        if (at.isBefore(now.minusDays(Policies.MAX_DAYS))) {
            throw ProblemException.invalid("endedAt", "must be within the last " + Policies.MAX_DAYS + " days");
        }
        return record(tenantId, subjectId, purposeKey, at, cause, true);
    }

    /** The purpose runs again (a new sequence): the pending end goes. Erased records stay erased. */
    public void resume(String tenantId, String subjectId, String purposeKey) {
        requireSubject(tenantId, subjectId);
        requirePurpose(purposeKey);
        PurposeEnd end = find(subjectId, purposeKey).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "No end of purpose " + purposeKey + " is recorded for this subject",
                List.of(new FieldError("purposeKey", "no recorded end"))));
        if (end.status() == PurposeEnd.Status.DONE) {
            throw new ProblemException(ProblemType.CONFLICT, "The records collected for " + purposeKey
                    + " were already erased on " + end.erasedAt() + "; there is no pending end to withdraw",
                    List.of(new FieldError("purposeKey", "already erased")));
        }
        em.remove(end);
    }

    public List<PurposeEnd> of(String tenantId, String subjectId) {
        requireSubject(tenantId, subjectId);
        return em.createQuery("SELECT p FROM PurposeEnd p WHERE p.subjectId = :s ORDER BY p.purposeKey",
                PurposeEnd.class).setParameter("s", subjectId).getResultList();
    }

    /**
     * Subjects after {@code afterSubject} for whom every purpose in {@code purposeKeys} ended before {@code cutoff}
     * and one end is still PENDING, skipping held tenants and subjects: subject id to the latest end, in id order.
     */
    public Map<String, OffsetDateTime> due(List<String> purposeKeys, OffsetDateTime cutoff, String afterSubject,
                                           int limit, Set<String> heldTenants, Set<String> heldSubjects) {
        StringBuilder sql = new StringBuilder("SELECT p.subjectId, MAX(p.endedAt) FROM PurposeEnd p"
                + " WHERE p.purposeKey IN :purposes AND p.subjectId > :after");
        if (!heldTenants.isEmpty()) {
            sql.append(" AND p.tenantId NOT IN :heldTenants");
        }
        if (!heldSubjects.isEmpty()) {
            sql.append(" AND p.subjectId NOT IN :heldSubjects");
        }
        sql.append(" GROUP BY p.subjectId HAVING COUNT(p) = :n AND MAX(p.endedAt) < :cutoff"
                + " AND SUM(CASE WHEN p.status = :pending THEN 1 ELSE 0 END) > 0 ORDER BY p.subjectId");
        var q = em.createQuery(sql.toString(), Object[].class).setParameter("purposes", purposeKeys)
                .setParameter("after", afterSubject).setParameter("n", (long) purposeKeys.size())
                .setParameter("cutoff", cutoff).setParameter("pending", PurposeEnd.Status.PENDING)
                .setMaxResults(limit);
        if (!heldTenants.isEmpty()) {
            q.setParameter("heldTenants", heldTenants);
        }
        if (!heldSubjects.isEmpty()) {
            q.setParameter("heldSubjects", heldSubjects);
        }
        Map<String, OffsetDateTime> out = new LinkedHashMap<>();
        for (Object[] row : q.getResultList()) {
            out.put((String) row[0], (OffsetDateTime) row[1]);
        }
        return out;
    }

    /** The ends of these subjects for these purposes are carried out: DONE, in the erasure's transaction. */
    public void erased(Set<String> subjectIds, List<String> purposeKeys, OffsetDateTime now) {
        if (subjectIds.isEmpty()) {
            return;
        }
        em.createQuery("UPDATE PurposeEnd p SET p.status = :done, p.erasedAt = :now WHERE p.subjectId IN :s"
                        + " AND p.purposeKey IN :purposes AND p.status = :pending")
                .setParameter("done", PurposeEnd.Status.DONE).setParameter("now", now)
                .setParameter("s", new ArrayList<>(subjectIds)).setParameter("purposes", purposeKeys)
                .setParameter("pending", PurposeEnd.Status.PENDING).executeUpdate();
    }

    /**
     * Records an end. The row is inserted if absent in one statement, so two callers ending the same purpose at once
     * (a caller's retry, a consent change) never collide on the unique index: the second waits for the first and
     * then finds its row. An existing row takes the new end if {@code replace}, or if its last end was carried out.
     */
    private PurposeEnd record(String tenantId, String subjectId, String purposeKey, OffsetDateTime endedAt,
                              PurposeEnd.Cause cause, boolean replace) {
        OffsetDateTime now = Times.now(clock);
        int inserted = em.createNativeQuery("INSERT INTO retention_purpose_end (id, tenant_id, subject_id, purpose_key,"
                        + " ended_at, cause, status, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, Ids.newId().toString()).setParameter(2, tenantId).setParameter(3, subjectId)
                .setParameter(4, purposeKey).setParameter(5, endedAt).setParameter(6, cause.name())
                .setParameter(7, PurposeEnd.Status.PENDING.name()).setParameter(8, now).executeUpdate();
        PurposeEnd end = find(subjectId, purposeKey).orElseThrow();
        if (inserted == 0 && (replace || end.status() == PurposeEnd.Status.DONE)) {
            end.endedAgain(endedAt, cause, now);
        }
        return end;
    }

    private Optional<PurposeEnd> find(String subjectId, String purposeKey) {
        return em.createQuery("SELECT p FROM PurposeEnd p WHERE p.subjectId = :s AND p.purposeKey = :k",
                        PurposeEnd.class).setParameter("s", subjectId).setParameter("k", purposeKey)
                .getResultList().stream().findFirst();
    }

    private void requireSubject(String tenantId, String subjectId) {
        boolean found = Ids.parseOrNull(tenantId) != null && Ids.parseOrNull(subjectId) != null
                && subjects.find(SubjectId.of(subjectId)).filter(r -> r.tenantId().asString().equals(tenantId))
                .isPresent();
        if (!found) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no such subject in this tenant",
                    List.of(new FieldError("subjectId", "no such subject in this tenant")));
        }
    }

    private void requirePurpose(String purposeKey) {
        if (!purposes.exists(purposeKey)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Purpose " + purposeKey + " does not exist",
                    List.of(new FieldError("purposeKey", "no purpose has this key")));
        }
    }
}
