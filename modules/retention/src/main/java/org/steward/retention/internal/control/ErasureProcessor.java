package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.steward.identity.api.SubjectDirectory;
import org.steward.platform.audit.api.AuditLog;
import org.steward.platform.audit.api.Outcome;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.DeviceId;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.kernel.api.erasure.CategoryErasure;
import org.steward.platform.kernel.api.erasure.DeviceErasure;
import org.steward.platform.kernel.api.erasure.ErasureId;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.ErasureScope;
import org.steward.platform.kernel.api.erasure.ErasureTrigger;
import org.steward.platform.kernel.api.erasure.SubjectErasure;
import org.steward.platform.kernel.api.erasure.TenantErasure;
import org.steward.retention.api.SubjectErased;
import org.steward.retention.internal.entity.Erasure;
import org.steward.retention.internal.entity.LegalHold;
import org.steward.retention.internal.entity.RetentionPolicy;

/**
 * Carries out one unit of erasure per transaction. A subject's (or a device's) erasure is ONE transaction: the row is
 * marked DONE (a conditional update: only the lease holder, only once), every module's participant deletes its rows
 * ({@link ErasureParticipants}), the reported data keys are destroyed, the report is stored and the certificate
 * written. A crash anywhere rolls all of it back: the subject's key and rows are both gone, or both still there, and
 * the row is still PENDING for the next lease.
 */
@ApplicationScoped
public class ErasureProcessor {

    /** What happened to a claimed row. */
    public enum Result { ERASED, HELD, SKIPPED, WAITING }

    /** How many subjects a tenant's expansion queues per transaction. */
    static final int EXPANSION_CHUNK = 500;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    ErasureParticipants participants;

    @Inject
    Event<SubjectErased> erased;

    @Inject
    Crypto crypto;

    @Inject
    Certificates certificates;

    @Inject
    Holds holds;

    @Inject
    SubjectDirectory subjects;

    @Inject
    AuditLog audit;

    @Inject
    RetentionConfig config;

    @Inject
    PurposeEnds purposeEnds;

    @Inject
    Clock clock;

    /** Erases a claimed subject; returns the number of rows deleted, or -1 when it did not erase (held, skipped). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long eraseSubject(String id, String owner) {
        long t0 = System.nanoTime();
        OffsetDateTime now = Times.now(clock);
        Erasure e = takeForErasure(id, owner, now);
        if (e == null) {
            return -1;
        }
        ErasureReport report = participants.eraseSubject(new SubjectErasure(ErasureId.of(id),
                TenantId.of(e.tenantId()), SubjectId.of(e.subjectId()), e.trigger(), now));
        List<String> keys = destroyKeys(report);
        pause();
        certificates.issue(e, entries(report), null, keys, now);
        finish(id, t0, report.total(), report);
        erased.fire(new SubjectErased(ErasureId.of(id), TenantId.of(e.tenantId()), SubjectId.of(e.subjectId()),
                e.trigger(), now));
        audit.append("erasure.complete", "erasure", id, Outcome.SUCCESS);
        return report.total();
    }

    /** Erases a claimed website visitor's device; returns the rows deleted, or -1 when it did not erase. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long eraseDevice(String id, String owner) {
        long t0 = System.nanoTime();
        OffsetDateTime now = Times.now(clock);
        Erasure e = takeForErasure(id, owner, now);
        if (e == null) {
            return -1;
        }
        ErasureReport report = participants.eraseDevice(new DeviceErasure(ErasureId.of(id),
                DeviceId.of(e.deviceId()), e.trigger(), now));
        List<String> keys = destroyKeys(report);
        certificates.issue(e, entries(report), null, keys, now);
        finish(id, t0, report.total(), report);
        audit.append("erasure.complete", "erasure", id, Outcome.SUCCESS);
        return report.total();
    }

    /**
     * The claimed row, marked DONE in this transaction, or null: not pending any more, held (then pushed back), or
     * our lease ran out and another instance took (or finished) it.
     */
    private Erasure takeForErasure(String id, String owner, OffsetDateTime now) {
        Erasure e = em.find(Erasure.class, id);
        if (e == null || e.status() != Erasure.Status.PENDING) {
            return null;
        }
        Optional<LegalHold> hold = holds.stopping(e, now);
        if (hold.isPresent()) {
            hold(e, hold.get(), owner, now);
            return null;
        }
        return markDone(id, owner, now) ? e : null;
    }

    /**
     * Queues one chunk of a tenant's subjects as child erasures; returns how many it queued (0: nothing left to
     * expand). Only the lease holder expands, and the cursor moves in the same transaction, so a crash repeats at
     * most the chunk that did not commit.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int expandTenant(String id, String owner) {
        OffsetDateTime now = Times.now(clock);
        Erasure e = em.find(Erasure.class, id);
        if (e == null || e.status() != Erasure.Status.PENDING || !owner.equals(leaseOwner(id))) {
            return 0;
        }
        List<SubjectId> page = subjects.subjectsOf(TenantId.of(e.tenantId()),
                e.expandedAfter() == null ? "" : e.expandedAfter(), EXPANSION_CHUNK);
        if (page.isEmpty()) {
            return 0;
        }
        List<String> ids = page.stream().map(SubjectId::asString).toList();
        // Skipped: subjects already queued by this expansion, or pending on their own (a request, a minor): those are
        // erased once, by that erasure, and the tenant completes after them.
        Set<String> queued = Set.copyOf(em.createQuery("SELECT c.subjectId FROM Erasure c WHERE c.subjectId IN :s"
                        + " AND (c.parentId = :p OR c.status = :pending)", String.class)
                .setParameter("p", id).setParameter("s", ids).setParameter("pending", Erasure.Status.PENDING)
                .getResultList());
        int n = 0;
        for (String subject : ids) {
            if (!queued.contains(subject)) {
                em.persist(new Erasure(Ids.newId().toString(), ErasureScope.SUBJECT, e.tenantId(), subject, null,
                        e.trigger(), e.reason(), null, id, now, now));
                n++;
            }
        }
        em.createQuery("UPDATE Erasure e SET e.expandedAfter = :a WHERE e.id = :id")
                .setParameter("a", ids.get(ids.size() - 1)).setParameter("id", id).executeUpdate();
        return Math.max(n, 1);
    }

    /** Whether the tenant row is held (then it is pushed back and its lease given up). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean holdIfHeld(String id, String owner) {
        OffsetDateTime now = Times.now(clock);
        Erasure e = em.find(Erasure.class, id);
        if (e == null || e.status() != Erasure.Status.PENDING) {
            return true;
        }
        Optional<LegalHold> hold = holds.stopping(e, now);
        hold.ifPresent(h -> hold(e, h, owner, now));
        return hold.isPresent();
    }

    /**
     * Completes a tenant's erasure once every subject is erased: tenant-level rows go (every participant's TENANT), and
     * the tenant certificate sums up its subjects' erasures. WAITING while a subject is left or still queued.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result completeTenant(String id, String owner) {
        long t0 = System.nanoTime();
        OffsetDateTime now = Times.now(clock);
        Erasure e = em.find(Erasure.class, id);
        if (e == null || e.status() != Erasure.Status.PENDING || !owner.equals(leaseOwner(id))) {
            return Result.SKIPPED;
        }
        long pendingChildren = em.createQuery("SELECT COUNT(c) FROM Erasure c WHERE c.parentId = :p AND c.status = :s",
                Long.class).setParameter("p", id).setParameter("s", Erasure.Status.PENDING).getSingleResult();
        if (pendingChildren > 0) {
            return Result.WAITING;
        }
        if (!subjects.subjectsOf(TenantId.of(e.tenantId()), "", 1).isEmpty()) {
            // A subject registered after the expansion passed it: expand again from the start (queued ones are skipped).
            em.createQuery("UPDATE Erasure e SET e.expandedAfter = NULL WHERE e.id = :id").setParameter("id", id)
                    .executeUpdate();
            return Result.WAITING;
        }
        if (!markDone(id, owner, now)) {
            return Result.SKIPPED;
        }
        ErasureReport report = participants.eraseTenant(new TenantErasure(ErasureId.of(id), TenantId.of(e.tenantId()),
                e.trigger(), now));
        List<String> keys = destroyKeys(report);
        Object[] children = em.createQuery("SELECT COUNT(c), SUM(c.recordsErased) FROM Erasure c WHERE c.parentId = :p",
                Object[].class).setParameter("p", id).getSingleResult();
        long subjectCount = ((Number) children[0]).longValue();
        long childRecords = children[1] == null ? 0 : ((Number) children[1]).longValue();
        List<CertificateContent.Entry> entries = new ArrayList<>(entries(report));
        entries.add(new CertificateContent.Entry("retention", "subject-erasures", subjectCount));
        certificates.issue(e, entries, subjectCount, keys, now);
        finish(id, t0, report.total() + childRecords, report);
        audit.append("erasure.complete", "erasure", id, Outcome.SUCCESS);
        return Result.ERASED;
    }

    /**
     * One chunk of a policy sweep over a category: at most {@code limit} due records, skipping held tenants and
     * subjects. Returns how many records were deleted.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long eraseCategoryChunk(String erasureId, RetentionPolicy policy, OffsetDateTime cutoff, int limit,
                                   String owner) {
        OffsetDateTime now = Times.now(clock);
        ErasureReport report = participants.eraseCategory(CategoryErasure.byAge(ErasureId.of(erasureId),
                policy.categoryKey(), policy.trigger().sweptAs().orElseThrow(), cutoff, limit,
                typed(holds.heldTenants(now), TenantId::of), typed(holds.heldSubjects(now), SubjectId::of), now));
        addToCategoryErasure(erasureId, policy, cutoff, report, owner, now);
        return report.total();
    }

    /** What one chunk of a PURPOSE_FULFILLED sweep did: the last subject it looked at, how many, records erased. */
    public record PurposeChunk(String lastSubject, int subjects, long records) {
    }

    /**
     * One chunk of a PURPOSE_FULFILLED sweep: up to {@code limit} subjects after {@code afterSubject} whose purposes
     * for the category all ended before the cutoff lose the category's records obtained up to that end, and their
     * ends are marked DONE, in one transaction. Held tenants and subjects are left out.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PurposeChunk erasePurposeEndedChunk(String erasureId, RetentionPolicy policy, List<String> purposeKeys,
                                               OffsetDateTime cutoff, String afterSubject, int limit, String owner) {
        OffsetDateTime now = Times.now(clock);
        Map<String, OffsetDateTime> due = purposeEnds.due(purposeKeys, cutoff, afterSubject, limit,
                holds.heldTenants(now), holds.heldSubjects(now));
        if (due.isEmpty()) {
            return new PurposeChunk(afterSubject, 0, 0);
        }
        Map<SubjectId, OffsetDateTime> ends = new LinkedHashMap<>();
        due.forEach((subject, end) -> ends.put(SubjectId.of(subject), end));
        ErasureReport report = participants.eraseCategory(CategoryErasure.purposeEnded(ErasureId.of(erasureId),
                policy.categoryKey(), cutoff, ends, now));
        addToCategoryErasure(erasureId, policy, cutoff, report, owner, now);
        purposeEnds.erased(due.keySet(), purposeKeys, now);
        String last = due.keySet().stream().reduce((a, b) -> b).orElse(afterSubject);
        return new PurposeChunk(last, due.size(), report.total());
    }

    /** The first chunk that deletes anything creates the CATEGORY erasure row; later chunks add to its report. */
    private void addToCategoryErasure(String erasureId, RetentionPolicy policy, OffsetDateTime cutoff,
                                      ErasureReport report, String owner, OffsetDateTime now) {
        if (report.total() == 0) {
            return;
        }
        Erasure e = em.find(Erasure.class, erasureId);
        if (e == null) {
            String what = policy.trigger() == RetentionPolicy.Trigger.PURPOSE_FULFILLED
                    ? "records of subjects whose purposes for it ended before " + cutoff
                    : "records before " + cutoff;
            e = new Erasure(erasureId, ErasureScope.CATEGORY, null, null, policy.categoryKey(), ErasureTrigger.POLICY,
                    "Retention policy " + policy.trigger() + " " + policy.periodDays() + " days for "
                            + policy.categoryKey() + ": " + what + " (policy §10)",
                    null, null, now, now);
            e.lease(owner, now.plus(config.lease()));
            em.persist(e);
        }
        ErasureReport merged = StoredReports.read(e.report());
        merged.add(report);
        e.report(StoredReports.write(merged), merged.total());
    }

    /** Completes a policy sweep's CATEGORY erasure with its certificate. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long finishCategory(String erasureId, String owner, long micros) {
        OffsetDateTime now = Times.now(clock);
        Erasure e = em.find(Erasure.class, erasureId);
        if (e == null || e.status() != Erasure.Status.PENDING) {
            return 0;
        }
        List<CertificateContent.Entry> entries = entries(StoredReports.read(e.report()));
        long total = e.recordsErased() == null ? 0 : e.recordsErased();
        e.completed(now, owner, micros, total);
        certificates.issue(e, entries, null, List.of(), now);
        audit.append("erasure.complete", "erasure", erasureId, Outcome.SUCCESS);
        return total;
    }

    /** The id of an unfinished CATEGORY erasure of this category, left by a crash: the sweep continues it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> unfinishedCategory(String categoryKey) {
        return em.createQuery("SELECT e.id FROM Erasure e WHERE e.scope = :c AND e.categoryKey = :k AND e.status = :p",
                        String.class).setParameter("c", ErasureScope.CATEGORY).setParameter("k", categoryKey)
                .setParameter("p", Erasure.Status.PENDING).setMaxResults(1).getResultList().stream().findFirst();
    }

    private boolean markDone(String id, String owner, OffsetDateTime now) {
        return em.createQuery("UPDATE Erasure e SET e.status = :done, e.completedAt = :now, e.completedBy = :o,"
                        + " e.heldBy = NULL WHERE e.id = :id AND e.status = :p AND e.leaseOwner = :o")
                .setParameter("done", Erasure.Status.DONE).setParameter("now", now).setParameter("o", owner)
                .setParameter("id", id).setParameter("p", Erasure.Status.PENDING).executeUpdate() == 1;
    }

    private void finish(String id, long t0, long records, ErasureReport report) {
        em.createQuery("UPDATE Erasure e SET e.durationMicros = :d, e.recordsErased = :r, e.report = :report"
                        + " WHERE e.id = :id")
                .setParameter("d", (System.nanoTime() - t0) / 1000).setParameter("r", records)
                .setParameter("report", StoredReports.write(report)).setParameter("id", id).executeUpdate();
    }

    private void hold(Erasure e, LegalHold hold, String owner, OffsetDateTime now) {
        // Looked at again when the hold ends or is released (release makes it due at once), and at least hourly.
        OffsetDateTime next = hold.endsAt().isBefore(now.plusHours(1)) ? hold.endsAt() : now.plusHours(1);
        em.createQuery("UPDATE Erasure e SET e.heldBy = :h, e.dueAt = :next, e.leaseOwner = NULL,"
                        + " e.leaseUntil = NULL WHERE e.id = :id AND e.status = :p AND e.leaseOwner = :o")
                .setParameter("h", hold.id()).setParameter("next", next).setParameter("id", e.id())
                .setParameter("p", Erasure.Status.PENDING).setParameter("o", owner).executeUpdate();
    }

    private String leaseOwner(String id) {
        return em.createQuery("SELECT e.leaseOwner FROM Erasure e WHERE e.id = :id", String.class)
                .setParameter("id", id).getResultList().stream().findFirst().orElse(null);
    }

    private List<String> destroyKeys(ErasureReport report) {
        List<String> keys = new ArrayList<>();
        for (DataKeyId key : report.dataKeys()) {
            crypto.destroy(key);
            keys.add(key.asString());
        }
        return keys;
    }

    private void pause() {
        long ms = config.erasureDelay().toMillis();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The certificate's entries: every module's deletions, by module and category. */
    private static List<CertificateContent.Entry> entries(ErasureReport report) {
        return report.entries().stream().map(x -> new CertificateContent.Entry(x.module(), x.category(), x.count()))
                .toList();
    }

    private static <T> Set<T> typed(Set<String> ids, Function<String, T> of) {
        return ids.stream().map(of).collect(Collectors.toSet());
    }
}
