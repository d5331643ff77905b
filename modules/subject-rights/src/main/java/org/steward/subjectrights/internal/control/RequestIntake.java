package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.subjectrights.api.RequestState;
import org.steward.subjectrights.internal.entity.OutgoingMail;
import org.steward.subjectrights.internal.entity.Request;
import org.steward.subjectrights.internal.entity.TimelineEntry;

/**
 * Takes a request in: stores it encrypted with its deadlines, joins an open request of the same subject and type
 * instead of opening a second one, and starts the identity check: a code by mail for the data subject (the same
 * answer and the same mail whether or not we hold anything about the address), done already for staff who
 * checked identity, a client app for its signed-in user, and the holder of a device id.
 */
@ApplicationScoped
public class RequestIntake {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    RequestKeys keys;

    @Inject
    RequestSchedules schedules;

    @Inject
    RequestMails mails;

    @Inject
    CodeVerification verification;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    /** The outcome: the request, whether it joined an open one, and the status token when verified at once. */
    public record Filed(Request request, boolean joined, String statusToken) {
    }

    /** Locked before anything is audited (see WatchdogJob), and read again: it may have closed meanwhile. */
    private Request lockedOpen(Request r) {
        em.lock(r, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(r);
        return r;
    }

    public Filed file(Filing f) {
        String index = keys.identifierIndex(f.identifierKind(), f.tenantId(), f.identifier());
        Optional<Request> open = openRequest(index, f);
        if (open.isPresent() && !lockedOpen(open.get()).state().closed()) {
            Request r = open.get();
            timeline.record(r, TimelineEntry.Kind.DUPLICATE, f.filedBy().name());
            if (r.state() == RequestState.VERIFYING && f.filedBy() == Request.FiledBy.SUBJECT) {
                verification.resendIfAllowed(r);
            }
            return new Filed(r, true, null);
        }
        OffsetDateTime now = Times.now(clock);
        Request r = new Request(Ids.newId().toString(), f.type(), f.jurisdiction(), f.channel(), f.filedBy(),
                CurrentCaller.now().id(), f.identifierKind(), keys.pseudonym(index), now);
        r.tenantId(f.tenantId());
        r.channelRef(f.channelRef());
        KeyedCipher cipher = keys.newKey();
        String contact = f.contactEmail() != null ? f.contactEmail()
                : f.identifierKind() == Request.IdentifierKind.EMAIL ? f.identifier() : null;
        r.identifier(index, cipher.keyId().asString(), cipher.encrypt("identifier", f.identifier()),
                cipher.encrypt("contact", contact));
        r.details(cipher.encrypt("details", JSON.toJson(f.details() == null ? Details.NONE : f.details())),
                f.agent() == null ? null : cipher.encrypt("agent", JSON.toJson(f.agent())),
                cipher.encrypt("identity-check", f.identityCheck()));
        schedules.schedule(r);
        em.persist(r);
        timeline.record(r, TimelineEntry.Kind.STATE, f.filedBy().name() + " via " + f.channel());
        Request.Verification done = verifiedAtIntake(f);
        if (done == null) {
            verification.start(r);
            return new Filed(r, false, null);
        }
        mails.queue(r, OutgoingMail.Kind.RECEIVED, null);
        String token = verification.verified(r, done);
        return new Filed(r, false, token);
    }

    /** How identity counts as checked at intake; null when the subject must prove it with a mailed code. */
    private static Request.Verification verifiedAtIntake(Filing f) {
        if (f.filedBy() == Request.FiledBy.SERVICE) {
            return Request.Verification.SERVICE_APP;
        }
        if (f.filedBy() == Request.FiledBy.STAFF && f.identityCheck() != null) {
            return Request.Verification.STAFF_CHECK;
        }
        if (f.channel() == Request.Channel.JSM && f.identifierKind() == Request.IdentifierKind.ACCOUNT_ID) {
            return Request.Verification.JSM_ACCOUNT;
        }
        if (f.identifierKind() == Request.IdentifierKind.DEVICE) {
            return Request.Verification.DEVICE_COOKIE;
        }
        return null;
    }

    private Optional<Request> openRequest(String index, Filing f) {
        List<Request> found = em.createQuery("SELECT r FROM Request r WHERE r.identifierIndex = :i"
                        + " AND r.type = :t AND r.state NOT IN :closed ORDER BY r.receivedAt", Request.class)
                .setParameter("i", index).setParameter("t", f.type())
                .setParameter("closed", List.of(RequestState.COMPLETED, RequestState.DENIED, RequestState.CANCELLED))
                .setMaxResults(1).getResultList();
        return found.stream().findFirst();
    }

    public static Details detailsOf(KeyedCipher cipher, Request r) {
        return r.detailsEnc() == null ? Details.NONE
                : JSON.fromJson(cipher.decrypt("details", r.detailsEnc()), Details.class);
    }

    public static Filing.Agent agentOf(KeyedCipher cipher, Request r) {
        return r.agentEnc() == null ? null : JSON.fromJson(cipher.decrypt("agent", r.agentEnc()), Filing.Agent.class);
    }

    static byte[] encryptDetails(KeyedCipher cipher, Details d) {
        return cipher.encrypt("details", JSON.toJson(d));
    }
}
