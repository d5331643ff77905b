package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.steward.consent.api.ConsentChoices;
import org.steward.consent.api.LiftProcessingRestriction;
import org.steward.consent.api.RestrictProcessing;
import org.steward.consent.api.RestrictionId;
import org.steward.identity.api.Licences;
import org.steward.identity.api.SubjectRectification;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.DeviceId;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.InstanceId;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.kernel.api.access.AccessParticipant;
import org.steward.platform.kernel.api.access.AccessSection;
import org.steward.platform.kernel.api.access.DeviceAccess;
import org.steward.platform.kernel.api.access.SubjectAccess;
import org.steward.platform.kernel.api.erasure.ErasureId;
import org.steward.retention.api.ErasureStatus;
import org.steward.retention.api.Erasures;
import org.steward.sharing.api.PropagationProgress;
import org.steward.sharing.api.RecipientPropagations;
import org.steward.subjectrights.internal.entity.FulfilmentTask;
import org.steward.subjectrights.internal.entity.Request;
import org.steward.subjectrights.internal.entity.TimelineEntry;

/**
 * Runs one task in a transaction of its own, through the module's api: the module's change and the task's DONE
 * commit together. A task that throws is retried with a growing delay and, after
 * {@code task-attempts-before-failing} tries, is FAILING: shown on the request and in the watchdog. An erasure
 * WAITs for retention's sweep and is done once its certificate exists.
 */
@ApplicationScoped
public class TaskRunner {

    static final String OWNER = InstanceId.get();

    private static final Set<FulfilmentTask.State> OPEN = Set.of(FulfilmentTask.State.PENDING,
            FulfilmentTask.State.WAITING, FulfilmentTask.State.FAILING);

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Fulfilment fulfilment;

    @Inject
    RequestWorkflow workflow;

    @Inject
    RequestKeys keys;

    @Inject
    ExportStore exports;

    @Inject
    SubjectRectification rectification;

    @Inject
    Licences licences;

    @Inject
    ConsentChoices choices;

    @Inject
    Erasures erasures;

    @Inject
    RecipientPropagations propagations;

    @Inject
    Event<RestrictProcessing> restrict;

    @Inject
    Event<LiftProcessingRestriction> lift;

    @Inject
    Timeline timeline;

    @Inject
    RequestConfig config;

    @Inject
    Clock clock;

    /** The due tasks, oldest first; in a transaction, since it also runs off the container's timer. */
    @Transactional
    public List<String> due() {
        return em.createQuery("SELECT t.id FROM FulfilmentTask t WHERE t.state IN :open"
                        + " AND t.nextAttemptAt <= :now ORDER BY t.nextAttemptAt", String.class)
                .setParameter("open", List.of(FulfilmentTask.State.PENDING, FulfilmentTask.State.WAITING,
                        FulfilmentTask.State.FAILING))
                .setParameter("now", Times.now(clock)).setMaxResults(100).getResultList();
    }

    /** Leases the task; false when another instance holds it or it is not due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String taskId) {
        OffsetDateTime now = Times.now(clock);
        return em.createQuery("UPDATE FulfilmentTask t SET t.leaseOwner = :o, t.leaseUntil = :until WHERE t.id = :id"
                        + " AND t.state IN :open AND t.nextAttemptAt <= :now"
                        + " AND (t.leaseUntil IS NULL OR t.leaseUntil < :now)")
                .setParameter("o", OWNER).setParameter("until", now.plus(config.taskLease())).setParameter("id", taskId)
                .setParameter("open", List.of(FulfilmentTask.State.PENDING, FulfilmentTask.State.WAITING,
                        FulfilmentTask.State.FAILING))
                .setParameter("now", now).executeUpdate() == 1;
    }

    /**
     * Carries out a task claimed by {@link #claim}, unless it is no longer ours. The task is read again only once its
     * request is locked: an instance that took it over after our lease ran out (or another run of ours that claimed it
     * again) holds the same lock, so by then it has committed, and the task is done or leased to someone else.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run(String taskId) {
        FulfilmentTask t = em.find(FulfilmentTask.class, taskId);
        Request r = workflow.lock(t.requestId());
        em.refresh(t);
        if (!OWNER.equals(t.leaseOwner()) || !OPEN.contains(t.state())) {
            return;
        }
        if (r.state() != org.steward.subjectrights.api.RequestState.IN_PROGRESS) {
            finish(t, FulfilmentTask.State.SKIPPED, null, null);
            return;
        }
        String waitingFor = carryOut(t, r);
        if (waitingFor != null) {
            finish(t, FulfilmentTask.State.WAITING, waitingFor, Times.now(clock).plus(config.fulfilmentPeriod()));
            return;
        }
        finish(t, FulfilmentTask.State.DONE, null, null);
        timeline.record(r, TimelineEntry.Kind.TASK, t.module() + " " + t.action() + " done");
        em.flush();
        if (fulfilment.openTasks(r.id()) == 0) {
            workflow.tasksDone(r);
        }
    }

    /** Records a failed run, in a transaction of its own (the run's rolled back). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String taskId, Throwable cause) {
        FulfilmentTask t = em.find(FulfilmentTask.class, taskId);
        if (t == null) {
            return;
        }
        em.refresh(t);
        int attempts = t.attempts() + 1;
        Duration delay = Duration.ofSeconds(Math.min(3600, 5L << Math.min(attempts, 10)));
        FulfilmentTask.State state = attempts >= config.attemptsBeforeFailing() ? FulfilmentTask.State.FAILING
                : FulfilmentTask.State.PENDING;
        em.createQuery("UPDATE FulfilmentTask t SET t.state = :s, t.attempts = :a, t.lastError = :e,"
                        + " t.nextAttemptAt = :next, t.leaseOwner = NULL, t.leaseUntil = NULL, t.updatedAt = :now"
                        + " WHERE t.id = :id")
                .setParameter("s", state).setParameter("a", attempts).setParameter("e", describe(cause))
                .setParameter("next", Times.now(clock).plus(delay)).setParameter("now", Times.now(clock))
                .setParameter("id", taskId).executeUpdate();
    }

    /** Does the module's part; returns what it still waits for, or null when done. */
    private String carryOut(FulfilmentTask t, Request r) {
        KeyedCipher cipher = keys.cipher(r);
        Details d = RequestIntake.detailsOf(cipher, r);
        if (t.action() == FulfilmentTask.Action.ERASE && t.resultRef() != null) {
            return erasureDone(t, erasures.status(ErasureId.of(t.resultRef())).orElseThrow(() ->
                    new IllegalStateException("The queued erasure is gone")));
        }
        // An erased subject's holder is a pseudonym by now; only an erasure still waiting needs no ids.
        Holder h = Holder.parse(t.holder());
        switch (t.action()) {
            case EXPORT -> {
                AccessParticipant p = fulfilment.participantModules().get(t.module());
                if (p == null) {
                    throw new IllegalStateException("No access participant for " + t.module());
                }
                exports.discard(r.id(), t.module(), t.holder());
                AccessSection section = exports.section(r.id(), cipher, t.module(), t.holder());
                if (h.device() != null) {
                    p.exportDevice(new DeviceAccess(r.id(), h.device()), section);
                } else {
                    p.exportSubject(new SubjectAccess(r.id(), h.tenant(), h.subject()), section);
                }
            }
            case RECTIFY -> rectification.rectify(h.tenant(), h.subject(), d.corrections());
            case TERMINATE_LICENCE -> licences.terminateAtLicenseeRequest(h.tenant(), "data-subject request " + r.id());
            case RESTRICT -> restrict.fire(new RestrictProcessing(new RestrictionId(Ids.newId()), h.tenant(),
                    h.subject(), r.id(), Times.now(clock)));
            case LIFT_RESTRICTION -> lift.fire(new LiftProcessingRestriction(null, h.tenant(), h.subject(), r.id(),
                    Times.now(clock)));
            case OBJECT -> choices.object(h.tenant(), h.subject(), Set.copyOf(d.purposeList()), r.id());
            case WITHDRAW -> choices.withdraw(h.tenant(), h.subject(), Set.copyOf(d.purposeList()), r.id());
            case ERASE -> {
                return erase(t, r, h);
            }
        }
        return null;
    }

    private String erase(FulfilmentTask t, Request r, Holder h) {
        if (h.subject() == null && h.device() == null) {
            ErasureStatus status = erasures.tenantErasure(h.tenant()).orElse(null);
            if (status == null) {
                return "the tenant's erasure to be queued";
            }
            setResult(t, status.erasureId().asString());
            return erasureDone(t, status);
        }
        ErasureId id = h.device() != null ? erasures.requestDeviceErasure(h.device(), r.id())
                : erasures.requestSubjectErasure(h.tenant(), h.subject(), r.id());
        setResult(t, id.asString());
        return "retention's sweep";
    }

    /** Done once erased and every recipient of the subject's data confirmed it or was waived (Art. 17(2), 19). */
    private String erasureDone(FulfilmentTask t, ErasureStatus status) {
        if (status.heldBy() != null) {
            return "legal hold " + status.heldBy();
        }
        if (!status.done()) {
            return "retention's sweep";
        }
        PropagationProgress recipients = propagations.progress(status.erasureId().asString());
        return recipients.done() ? null : recipients.open() + " of " + recipients.total()
                + " recipients to confirm the erasure" + (recipients.overdue() > 0 ? " (" + recipients.overdue()
                + " overdue)" : "");
    }

    private void setResult(FulfilmentTask t, String ref) {
        em.createQuery("UPDATE FulfilmentTask t SET t.resultRef = :r WHERE t.id = :id").setParameter("r", ref)
                .setParameter("id", t.id()).executeUpdate();
    }

    private void finish(FulfilmentTask t, FulfilmentTask.State state, String waitingFor, OffsetDateTime next) {
        OffsetDateTime now = Times.now(clock);
        boolean moved = state != t.state() || t.lastError() != null && waitingFor == null;
        em.createQuery("UPDATE FulfilmentTask t SET t.state = :s, t.lastError = :e, t.nextAttemptAt = :next,"
                        + " t.leaseOwner = NULL, t.leaseUntil = NULL, t.updatedAt = :updated, t.doneAt = :done"
                        + " WHERE t.id = :id")
                .setParameter("s", state).setParameter("e", waitingFor == null ? null : "waiting for " + waitingFor)
                .setParameter("next", next == null ? now : next)
                .setParameter("updated", moved ? now : t.updatedAt())
                .setParameter("done", state == FulfilmentTask.State.DONE ? now : null)
                .setParameter("id", t.id()).executeUpdate();
    }

    /** What may be said about a failure: its kind and, for a problem, its title and fields; never values. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && !(root instanceof ProblemException)) {
            root = root.getCause();
        }
        String text = root instanceof ProblemException p ? p.type().title() + " (" + p.errors().stream()
                .map(org.steward.platform.kernel.api.FieldError::field).toList() + ")" : root.getClass().getSimpleName();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** A task's holder, parsed back into typed ids. */
    record Holder(TenantId tenant, SubjectId subject, DeviceId device) {
        static Holder parse(String holder) {
            if (holder.startsWith("device:")) {
                return new Holder(null, null, DeviceId.of(holder.substring(7)));
            }
            if (holder.startsWith("tenant:")) {
                return new Holder(TenantId.of(holder.substring(7)), null, null);
            }
            String[] ts = holder.substring("subject:".length()).split("/", 2);
            return new Holder(TenantId.of(ts[0]), SubjectId.of(ts[1]), null);
        }
    }
}
