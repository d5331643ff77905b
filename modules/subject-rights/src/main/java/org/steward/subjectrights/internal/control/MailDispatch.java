package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.platform.kernel.api.InstanceId;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.kernel.api.mail.MailNotSent;
import org.steward.platform.kernel.api.mail.Mailer;
import org.steward.subjectrights.internal.entity.OutgoingMail;
import org.steward.subjectrights.internal.entity.Request;
import org.steward.subjectrights.internal.entity.TimelineEntry;

/**
 * Sends queued mail from the fulfilment job (every {@code fulfilment-period}), so an HTTP answer never waits for
 * SMTP and a mail that could not be sent is simply tried again. A row is leased before it is sent, so two
 * instances never send the same mail; a send that fails is retried with a growing delay, and dropped after a day.
 * A mail goes at least once: if this instance dies after the SMTP server took it and before the commit, it goes
 * again, with the same {@code Message-ID} (made from the row's id), so that the receiving side can tell.
 */
@ApplicationScoped
public class MailDispatch {

    private static final Logger LOG = Logger.getLogger(MailDispatch.class.getName());
    private static final String OWNER = InstanceId.get();
    private static final int GIVE_UP_AFTER = 12;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    RequestMails mails;

    @Inject
    RequestLog log;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    @Inject
    MailDispatch self;

    /** Sends every due mail; the fulfilment job calls this. */
    public void sendDue() {
        for (String id : self.due()) {
            try {
                self.send(id);
            } catch (RuntimeException e) {
                // This mail's transaction rolled back (its lease with it): the next run tries it again; the rest go on.
                LOG.log(Level.WARNING, "Request mail " + id + " was not sent; it is retried", e);
            }
        }
    }

    /** In a transaction: off the container's timer (FulfilmentTrigger) a non-transactional one is closed. */
    @Transactional
    public List<String> due() {
        return em.createQuery("SELECT m.id FROM OutgoingMail m WHERE m.state = :p"
                        + " AND m.nextAttemptAt <= :now ORDER BY m.createdAt", String.class)
                .setParameter("p", OutgoingMail.State.PENDING).setParameter("now", Times.now(clock)).setMaxResults(50)
                .getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void send(String mailId) {
        OffsetDateTime now = Times.now(clock);
        int leased = em.createQuery("UPDATE OutgoingMail m SET m.leaseOwner = :o, m.leaseUntil = :until"
                        + " WHERE m.id = :id AND m.state = :p AND (m.leaseUntil IS NULL OR m.leaseUntil < :now)")
                .setParameter("o", OWNER).setParameter("until", now.plusMinutes(2)).setParameter("id", mailId)
                .setParameter("p", OutgoingMail.State.PENDING).setParameter("now", now).executeUpdate();
        if (leased == 0) {
            return;
        }
        OutgoingMail m = em.find(OutgoingMail.class, mailId);
        em.refresh(m);
        // Locked before the mail goes out: a concurrent change to the request (a task, an approval) waits, instead of
        // failing this transaction after the SMTP server took the mail, which would send it again.
        Request r = em.find(Request.class, m.requestId(), LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.contactEnc() == null || r.dataKeyId() == null) {
            m.drop();
            return;
        }
        if (!mailer.configured()) {
            m.failed(now.plusMinutes(5));
            return;
        }
        try {
            RequestMails.Letter letter = mails.write(r, m);
            mailer.send(letter.to(), letter.subject(), letter.text(), m.id());
            m.sent(now);
            r.acknowledged(now); // any mail to the requester confirms the receipt (CCPA §7021)
            timeline.record(r, TimelineEntry.Kind.MAIL_SENT, m.kind().name());
            if (r.state().closed() && r.eraseOnClose() && pendingMails(r.id()) == 0) {
                log.wipe(r);
            }
        } catch (MailNotSent e) {
            if (e.permanent() || m.attempts() + 1 >= GIVE_UP_AFTER) {
                m.drop();
                LOG.warning("A request mail was dropped (" + e.getMessage() + "): request "
                        + r.id());
            } else {
                m.failed(now.plus(Duration.ofSeconds(30L << Math.min(m.attempts(), 10))));
            }
        }
    }

    private long pendingMails(String requestId) {
        return em.createQuery("SELECT COUNT(m) FROM OutgoingMail m WHERE m.requestId = :r AND m.state = :p",
                Long.class).setParameter("r", requestId).setParameter("p", OutgoingMail.State.PENDING)
                .getSingleResult();
    }
}
