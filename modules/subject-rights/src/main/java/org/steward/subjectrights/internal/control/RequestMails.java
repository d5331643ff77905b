package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.Times;
import org.steward.subjectrights.internal.entity.OutgoingMail;
import org.steward.subjectrights.internal.entity.Request;
import org.steward.subjectrights.internal.entity.TimelineEntry;

/**
 * The mails to the requester: queued in the transaction of their cause (the outbox), written from fixed texts that
 * name nothing the recipient did not give us. A request with no contact address (a phone request) gets none.
 */
@ApplicationScoped
public class RequestMails {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    RequestKeys keys;

    @Inject
    RequestConfig config;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    @Inject
    Event<WorkQueued> queued;

    /** Queues a mail; {@code payload} is a secret the text needs (a code, a link token), kept encrypted until sent. */
    public boolean queue(Request r, OutgoingMail.Kind kind, String payload) {
        if (r.contactEnc() == null || r.dataKeyId() == null) {
            return false;
        }
        String id = Ids.newId().toString();
        byte[] enc = payload == null ? null : keys.cipher(r).encrypt("mail:" + id, payload);
        em.persist(new OutgoingMail(id, r.id(), kind, enc, Times.now(clock)));
        timeline.record(r, TimelineEntry.Kind.MAIL_QUEUED, kind.name());
        queued.fire(new WorkQueued(r.id()));
        return true;
    }

    /** The mail as sent: recipient, subject and text. */
    public record Letter(String to, String subject, String text) {
    }

    public Letter write(Request r, OutgoingMail m) {
        KeyedCipher cipher = keys.cipher(r);
        String to = cipher.decrypt("contact", r.contactEnc());
        String payload = m.payloadEnc() == null ? null : cipher.decrypt("mail:" + m.id(), m.payloadEnc());
        String what = RequestTexts.describe(r.type());
        String ref = "Reference: " + r.id();
        String due = "We will answer by " + r.dueOn().format(DateTimeFormatter.ISO_LOCAL_DATE) + ".";
        String complain = "You have the right to lodge a complaint with " + config.supervisoryAuthority() + ".";
        return switch (m.kind()) {
            case CODE -> new Letter(to, "Your verification code",
                    "Your verification code for your " + what + " is " + payload + ".\n"
                            + "It is valid for " + config.codeTtl().toMinutes() + " minutes. Enter it where you made"
                            + " the request.\nIf you did not make this request, ignore this mail: nothing happens"
                            + " without the code.\n\n" + ref + "\n");
            case RECEIVED -> new Letter(to, "We received your request",
                    "We received your " + what + ". " + due + "\n\n" + ref + "\n");
            case VERIFIED -> new Letter(to, "Your request is verified",
                    "Your identity is verified and your " + what + " is being handled. " + due + "\n\n" + ref + "\n");
            case EXTENDED -> new Letter(to, "We need more time for your request",
                    "We need more time to answer your " + what + ". The new date is "
                            + r.dueOn().format(DateTimeFormatter.ISO_LOCAL_DATE) + ".\nWhy: "
                            + cipher.decrypt("extension-reason", r.extensionReasonEnc()) + "\n\n" + complain
                            + "\n\n" + ref + "\n");
            case DENIED -> new Letter(to, "Your request was refused",
                    "We cannot carry out your " + what + ".\nGround: " + r.denialBasis().reference() + "\n"
                            + cipher.decrypt("denial-text", r.denialTextEnc()) + "\n\n" + complain + "\n\n" + ref
                            + "\n");
            case COMPLETED -> new Letter(to, "Your request is complete",
                    RequestTexts.completed(r, payload) + "\n\n" + complain + "\n\n" + ref + "\n");
            case EXPORT_READY -> new Letter(to, "Your data is ready to download",
                    "The copy of your data is ready. Download it once, within "
                            + "5 days, from:\n" + payload + "\n\nThe link works only once. " + complain + "\n\n"
                            + ref + "\n");
            case CANCELLED -> new Letter(to, "Your request was cancelled",
                    "Your " + what + " was cancelled.\n\n" + ref + "\n");
        };
    }
}
