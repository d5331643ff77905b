package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.InstanceId;
import org.steward.platform.kernel.api.Times;
import org.steward.sharing.internal.connector.OpenDsr;
import org.steward.sharing.internal.connector.WebhookSignature;
import org.steward.sharing.internal.entity.Propagation;
import org.steward.sharing.internal.entity.Subprocessor;

/**
 * The propagation outbox's transactions: which tasks are due, the lease (a conditional UPDATE: one instance sends
 * each), and the outcome of a send or a status poll, each in a transaction of its own.
 */
@ApplicationScoped
public class PropagationOutbox {

    static final String OWNER = InstanceId.get();

    /** To send (not MANUAL), or sent to an OpenDSR processor whose status is to be asked for. */
    private static final String DUE = "p.connector <> :manual AND p.nextAttemptAt <= :now AND (p.state IN :open"
            + " OR (p.state = :sent AND p.connector = :opendsr AND p.remoteRef IS NOT NULL))";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Propagations propagations;

    @Inject
    Crypto crypto;

    @Inject
    SharingConfig config;

    @Inject
    Clock clock;

    /** What one send needs, read in the claiming transaction. */
    public record Outgoing(String id, Propagation.Kind kind, Subprocessor.Connector connector, URI endpoint,
                           byte[] secret, String remoteRef, JsonObject payload, String categories,
                           OffsetDateTime requestedAt, OffsetDateTime dueAt, boolean poll) {
    }

    @Transactional
    public List<String> due() {
        return em.createQuery("SELECT p.id FROM Propagation p WHERE " + DUE
                        + " AND (p.leaseUntil IS NULL OR p.leaseUntil < :now) ORDER BY p.nextAttemptAt", String.class)
                .setParameter("manual", Subprocessor.Connector.MANUAL)
                .setParameter("opendsr", Subprocessor.Connector.OPENDSR)
                .setParameter("open", List.of(Propagation.State.PENDING, Propagation.State.FAILING))
                .setParameter("sent", Propagation.State.SENT)
                .setParameter("now", Times.now(clock)).setMaxResults(100).getResultList();
    }

    /** Leases a due task and reads what it sends; null when another instance has it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outgoing claim(String id) {
        OffsetDateTime now = Times.now(clock);
        int claimed = em.createQuery("UPDATE Propagation p SET p.leaseOwner = :o, p.leaseUntil = :until,"
                        + " p.version = p.version + 1 WHERE p.id = :id AND " + DUE
                        + " AND (p.leaseUntil IS NULL OR p.leaseUntil < :now)")
                .setParameter("o", OWNER).setParameter("until", now.plus(config.lease())).setParameter("id", id)
                .setParameter("manual", Subprocessor.Connector.MANUAL)
                .setParameter("opendsr", Subprocessor.Connector.OPENDSR)
                .setParameter("open", List.of(Propagation.State.PENDING, Propagation.State.FAILING))
                .setParameter("sent", Propagation.State.SENT)
                .setParameter("now", now).executeUpdate();
        if (claimed != 1) {
            return null;
        }
        Propagation p = em.find(Propagation.class, id);
        em.refresh(p);
        Subprocessor r = em.find(Subprocessor.class, p.recipientId());
        boolean poll = p.state() == Propagation.State.SENT;
        if (r.connector() != p.connector()) {
            // The recipient's connector changed since the task was made: it goes the recipient's way now.
            if (poll || r.connector() == Subprocessor.Connector.MANUAL) {
                p.reconnect(Subprocessor.Connector.MANUAL, p.remoteRef());
                p.sent(p.remoteRef(), p.sentAt() == null ? now : p.sentAt());
                p.status("the recipient's connector is now " + r.connector() + ": carry it out with the recipient"
                        + " and confirm it here");
                nextAttempt(p, now.plusYears(100));
                return null;
            }
            p.reconnect(r.connector(), r.connector() == Subprocessor.Connector.OPENDSR && p.remoteRef() == null
                    ? UUID.randomUUID().toString() : p.remoteRef());
        }
        URI endpoint = r.endpointUrl() == null ? null : URI.create(r.endpointUrl());
        byte[] secret = r.secretEnc() == null ? null : WebhookSignature.decodeSecret(
                crypto.cipher(DataKeyId.of(r.secretKeyId())).decrypt(Register.SECRET, r.secretEnc()));
        return new Outgoing(p.id(), p.kind(), p.connector(), endpoint, secret, p.remoteRef(),
                poll ? null : propagations.payload(p), p.categories(), p.createdAt(), p.dueAt(), poll);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(String id, String remoteRef) {
        Propagation p = em.find(Propagation.class, id);
        if (p == null || p.state().closed()) {
            return;
        }
        em.refresh(p);
        OffsetDateTime now = Times.now(clock);
        p.sent(remoteRef, now);
        nextAttempt(p, p.connector() == Subprocessor.Connector.OPENDSR ? now.plus(config.openDsrPoll())
                : now.plusYears(100));
    }

    /** A task the connector cannot carry: it joins the admin queue, like a MANUAL one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void manual(String id, String why) {
        Propagation p = em.find(Propagation.class, id);
        if (p == null || p.state().closed()) {
            return;
        }
        em.refresh(p);
        p.sent(null, Times.now(clock));
        p.status(why);
        nextAttempt(p, Times.now(clock).plusYears(100));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void polled(String id, String status) {
        Propagation p = em.find(Propagation.class, id);
        if (p == null || p.state().closed()) {
            return;
        }
        em.refresh(p);
        if (OpenDsr.COMPLETED.equals(status)) {
            propagations.close(id, Propagation.State.CONFIRMED, "opendsr", "status " + status);
            return;
        }
        p.status("the processor reports " + status);
        nextAttempt(p, Times.now(clock).plus(config.openDsrPoll()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String id, String error) {
        Propagation p = em.find(Propagation.class, id);
        if (p == null || p.state().closed()) {
            return;
        }
        em.refresh(p);
        if (p.state() == Propagation.State.SENT) {
            // A status poll that failed: the request is with the processor; ask again later.
            p.status("status poll failed: " + error);
            nextAttempt(p, Times.now(clock).plus(config.openDsrPoll()));
            return;
        }
        int attempts = p.attempts() + 1;
        p.failed(error.length() > 500 ? error.substring(0, 500) : error,
                Times.now(clock).plus(config.backoff(attempts)), attempts >= config.attemptsBeforeFailing());
    }

    private void nextAttempt(Propagation p, OffsetDateTime next) {
        em.flush();
        em.createQuery("UPDATE Propagation p SET p.nextAttemptAt = :n, p.leaseOwner = NULL, p.leaseUntil = NULL"
                + " WHERE p.id = :id").setParameter("n", next).setParameter("id", p.id()).executeUpdate();
    }
}
