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
import org.steward.subjectrights.api.RequestNoticed;
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

    @Inject
    Event<RequestNoticed> noticed;

    /**
     * Queues a mail; {@code payload} is a secret the text needs (a code, a link token), kept encrypted until sent. A
     * request from the help center (channel JSM) is answered on its ticket instead ({@link RequestNoticed}, in this
     * transaction); only the verification code still goes by mail, since it proves the address.
     */
    public boolean queue(Request r, OutgoingMail.Kind kind, String payload) {
        if (r.dataKeyId() == null) {
            return false;
        }
        if (r.channel() == Request.Channel.JSM) {
            Text t = kind == OutgoingMail.Kind.CODE ? codeSentNotice(r) : text(r, kind, payload);
            noticed.fire(new RequestNoticed(r.id(), r.channelRef(), kind.name(), t.subject(), t.text(),
                    kind == OutgoingMail.Kind.COMPLETED || kind == OutgoingMail.Kind.DENIED
                            || kind == OutgoingMail.Kind.CANCELLED, Times.now(clock)));
            timeline.record(r, TimelineEntry.Kind.MAIL_QUEUED, "ticket comment " + kind.name());
            if (kind != OutgoingMail.Kind.CODE) {
                return true;
            }
        }
        if (r.contactEnc() == null) {
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

    /** A notice's subject line and text, the same on every channel. */
    public record Text(String subject, String text) {
    }

    public Letter write(Request r, OutgoingMail m) {
        KeyedCipher cipher = keys.cipher(r);
        String to = cipher.decrypt("contact", r.contactEnc());
        String payload = m.payloadEnc() == null ? null : cipher.decrypt("mail:" + m.id(), m.payloadEnc());
        Text t = text(r, m.kind(), payload);
        return new Letter(to, t.subject(), t.text());
    }

    /** On the ticket, the code's mail is announced, never shown: the code proves that the address is the requester's. */
    private Text codeSentNotice(Request r) {
        return new Text("We sent you a verification code", "To confirm that this " + RequestTexts.describe(r.type())
                + " is yours, we mailed a verification code to the address this request came from. Your request"
                + " goes ahead once the code is entered.\n\nReference: " + r.id() + "\n");
    }

    private Text text(Request r, OutgoingMail.Kind kind, String payload) {
        KeyedCipher cipher = keys.cipher(r);
        String what = RequestTexts.describe(r.type());
        String ref = "Reference: " + r.id();
        String due = "We will answer by " + r.dueOn().format(DateTimeFormatter.ISO_LOCAL_DATE) + ".";
        String complain = "You have the right to lodge a complaint with " + config.supervisoryAuthority() + ".";
        return switch (kind) {
            case CODE -> new Text("Your verification code",
                    "Your verification code for your " + what + " is " + payload + ".\n"
                            + "It is valid for " + config.codeTtl().toMinutes() + " minutes. Enter it where you made"
                            + " the request.\nIf you did not make this request, ignore this mail: nothing happens"
                            + " without the code.\n\n" + ref + "\n");
            case RECEIVED -> new Text("We received your request",
                    "We received your " + what + ". " + due + "\n\n" + ref + "\n");
            case VERIFIED -> new Text("Your request is verified",
                    "Your identity is verified and your " + what + " is being handled. " + due + "\n\n" + ref + "\n");
            case EXTENDED -> new Text("We need more time for your request",
                    "We need more time to answer your " + what + ". The new date is "
                            + r.dueOn().format(DateTimeFormatter.ISO_LOCAL_DATE) + ".\nWhy: "
                            + cipher.decrypt("extension-reason", r.extensionReasonEnc()) + "\n\n" + complain
                            + "\n\n" + ref + "\n");
            case DENIED -> new Text("Your request was refused",
                    "We cannot carry out your " + what + ".\nGround: " + r.denialBasis().reference() + "\n"
                            + cipher.decrypt("denial-text", r.denialTextEnc()) + "\n\n" + complain + "\n\n" + ref
                            + "\n");
            case COMPLETED -> new Text("Your request is complete",
                    RequestTexts.completed(r, payload) + "\n\n" + complain + "\n\n" + ref + "\n");
            case EXPORT_READY -> new Text("Your data is ready to download",
                    "The copy of your data is ready. Download it once, within "
                            + "5 days, from:\n" + payload + "\n\nThe link works only once. " + complain + "\n\n"
                            + ref + "\n");
            case CANCELLED -> new Text("Your request was cancelled",
                    "Your " + what + " was cancelled.\n\n" + ref + "\n");
        };
    }
}
