package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.subjectrights.api.DenialBasis;
import org.steward.subjectrights.api.Outcome;
import org.steward.subjectrights.api.RequestCompleted;
import org.steward.subjectrights.api.RequestState;
import org.steward.subjectrights.api.RequestType;
import org.steward.subjectrights.internal.entity.FulfilmentTask;
import org.steward.subjectrights.internal.entity.OutgoingMail;
import org.steward.subjectrights.internal.entity.Request;
import org.steward.subjectrights.internal.entity.TimelineEntry;

/**
 * The request's life: every move is checked against {@link RequestState#next()} (an illegal one is a 409 that names
 * the state), recorded on the timeline and audited, and tells the subject by mail where it matters.
 */
@ApplicationScoped
public class RequestWorkflow {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    RequestKeys keys;

    @Inject
    RequestMails mails;

    @Inject
    RequestSchedules schedules;

    @Inject
    SubjectResolution resolution;

    @Inject
    Fulfilment fulfilment;

    @Inject
    RequestConfig config;

    @Inject
    Timeline timeline;

    @Inject
    RequestLog log;

    @Inject
    Event<RequestCompleted> completed;

    @Inject
    Clock clock;

    public Request get(String id) {
        Request r = id == null ? null : em.find(Request.class, id);
        if (r == null) {
            throw ProblemException.notFound("request", id);
        }
        return r;
    }

    public Request lock(String id) {
        Request r = get(id);
        em.lock(r, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(r);
        return r;
    }

    static ProblemException illegal(Request r, String what) {
        return new ProblemException(ProblemType.ILLEGAL_TRANSITION, "A request in state " + r.state()
                + " cannot " + what, List.of(new FieldError("state", r.state().name())));
    }

    void move(Request r, RequestState next, String detail) {
        if (!r.state().next().contains(next)) {
            throw illegal(r, "move to " + next);
        }
        r.moveTo(next, Times.now(clock));
        timeline.record(r, TimelineEntry.Kind.STATE, detail);
    }

    /** After verification: nothing found ends the request; otherwise it waits for approval, or is approved at once. */
    void afterVerification(Request r) {
        int holders = resolution.resolve(r);
        if (holders == 0 && r.type() != RequestType.COMPLAINT) {
            close(r, RequestState.COMPLETED, Outcome.NO_DATA_FOUND, "no personal data found");
            mails.queue(r, OutgoingMail.Kind.COMPLETED, null);
            return;
        }
        if (config.autoApproved(r.type())) {
            start(r, "approved automatically (" + r.type() + ")");
            return;
        }
        mails.queue(r, OutgoingMail.Kind.VERIFIED, null);
    }

    /** A privacy officer approves: VERIFIED → IN_PROGRESS, with one task per module. */
    public void approve(Request r) {
        if (r.state() != RequestState.VERIFIED) {
            throw illegal(r, "be approved");
        }
        start(r, "approved");
    }

    private void start(Request r, String detail) {
        r.approved(CurrentCaller.now().id(), Times.now(clock));
        move(r, RequestState.IN_PROGRESS, detail);
        if (fulfilment.createTasks(r) == 0 && r.type() != RequestType.COMPLAINT) {
            close(r, RequestState.COMPLETED, Outcome.COMPLIED, "nothing to change");
            mails.queue(r, OutgoingMail.Kind.COMPLETED, null);
        }
    }

    public void deny(Request r, DenialBasis basis, String text) {
        if (basis == null) {
            throw ProblemException.invalid("basis", "a denial names its legal basis");
        }
        if (!basis.appliesTo(r.jurisdiction())) {
            throw ProblemException.invalid("basis", basis + " is not a ground under " + r.jurisdiction());
        }
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("text", "a denial explains itself to the subject");
        }
        if (!r.state().next().contains(RequestState.DENIED)) {
            throw illegal(r, "be denied");
        }
        KeyedCipher cipher = keys.cipher(r);
        r.denied(basis, cipher.encrypt("denial-text", text.strip()));
        close(r, RequestState.DENIED, Outcome.DENIED, basis.name());
        mails.queue(r, OutgoingMail.Kind.DENIED, null);
    }

    public void extend(Request r, java.time.LocalDate newDue, String reason) {
        if (r.state().closed()) {
            throw illegal(r, "be extended");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "an extension gives its reason to the subject");
        }
        java.time.LocalDate due = schedules.extend(r, newDue, Times.now(clock).toLocalDate());
        r.extended(due, keys.cipher(r).encrypt("extension-reason", reason.strip()), Times.now(clock));
        timeline.record(r, TimelineEntry.Kind.EXTENDED, "due " + due);
        mails.queue(r, OutgoingMail.Kind.EXTENDED, null);
    }

    public void cancel(Request r) {
        if (!r.state().next().contains(RequestState.CANCELLED)) {
            throw illegal(r, "be cancelled");
        }
        close(r, RequestState.CANCELLED, Outcome.CANCELLED, "cancelled");
        mails.queue(r, OutgoingMail.Kind.CANCELLED, null);
    }

    /** Closes a complaint with its answer, or a request whose tasks are all done. */
    public void complete(Request r, String response, boolean partial) {
        if (r.state() != RequestState.IN_PROGRESS) {
            throw illegal(r, "be completed");
        }
        if (r.type() == RequestType.COMPLAINT && (response == null || response.isBlank())) {
            throw ProblemException.invalid("response", "a complaint is closed with an answer to the subject");
        }
        if (fulfilment.openTasks(r.id()) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "The request still has tasks that are not done",
                    List.of(new FieldError("tasks", "open")));
        }
        if (response != null && !response.isBlank()) {
            KeyedCipher cipher = keys.cipher(r);
            r.details(RequestIntake.encryptDetails(cipher, RequestIntake.detailsOf(cipher, r).withResponse(
                    response.strip())), r.agentEnc(), r.identityCheckEnc());
        }
        close(r, RequestState.COMPLETED, partial ? Outcome.PARTIALLY_COMPLIED : Outcome.COMPLIED, "completed");
        mails.queue(r, OutgoingMail.Kind.COMPLETED, response == null ? null : response.strip());
    }

    /** Every task is done: the request completes (an export first gets its link). */
    void tasksDone(Request r) {
        if (r.state() != RequestState.IN_PROGRESS || r.type() == RequestType.COMPLAINT) {
            return;
        }
        if (r.type() == RequestType.ACCESS || r.type() == RequestType.PORTABILITY) {
            mails.queue(r, OutgoingMail.Kind.EXPORT_READY, fulfilment.exportLink(r));
        }
        close(r, RequestState.COMPLETED, Outcome.COMPLIED, "every task done");
        mails.queue(r, OutgoingMail.Kind.COMPLETED, null);
    }

    public void acknowledge(Request r) {
        if (r.acknowledgedAt() != null) {
            return;
        }
        r.acknowledged(Times.now(clock));
        timeline.record(r, TimelineEntry.Kind.ACKNOWLEDGED, "by staff");
    }

    private void close(Request r, RequestState state, Outcome outcome, String detail) {
        OffsetDateTime now = Times.now(clock);
        move(r, state, detail);
        r.closed(outcome, now);
        em.createQuery("UPDATE FulfilmentTask t SET t.state = :skipped, t.updatedAt = :now WHERE t.requestId = :r"
                        + " AND t.state <> :done").setParameter("skipped", FulfilmentTask.State.SKIPPED)
                .setParameter("now", now).setParameter("r", r.id()).setParameter("done", FulfilmentTask.State.DONE)
                .executeUpdate();
        completed.fire(new RequestCompleted(r.id(), r.type(), r.jurisdiction(), state, outcome, now));
        if (r.eraseOnClose() && r.contactEnc() == null) {
            log.wipe(r);
        }
    }
}
