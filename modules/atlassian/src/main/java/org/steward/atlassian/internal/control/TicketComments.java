package org.steward.atlassian.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.steward.atlassian.internal.connector.JsmClient;
import org.steward.atlassian.internal.entity.ServiceDesk;
import org.steward.atlassian.internal.entity.Ticket;
import org.steward.atlassian.internal.entity.TicketComment;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.Times;
import org.steward.subjectrights.api.RequestNoticed;

/**
 * The comment outbox: every notice of a subject request that came from a ticket is written here in the transaction
 * of its cause (so none is lost while JSM is down), encrypted under its own key, and posted by {@link CommentPoster}.
 */
@ApplicationScoped
public class TicketComments {

    static final String BODY = "jsm-comment";

    /** The ticket being filed on this thread: its request's first notices fire before the ticket knows the request. */
    private static final ThreadLocal<String> FILING = new ThreadLocal<>();

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Crypto crypto;

    @Inject
    ServiceDesks desks;

    @Inject
    AtlassianConfig config;

    @Inject
    Clock clock;

    /** Runs the filing of a ticket's request, so that the notices it fires reach that ticket. */
    public <T> T filing(String ticketId, Supplier<T> work) {
        FILING.set(ticketId);
        try {
            return work.get();
        } finally {
            FILING.remove();
        }
    }

    void noticed(@Observes RequestNoticed e) {
        Set<String> tickets = new LinkedHashSet<>(em.createQuery("SELECT t.id FROM Ticket t WHERE t.requestId = :r",
                String.class).setParameter("r", e.requestId()).getResultList());
        if (FILING.get() != null) {
            tickets.add(FILING.get());
        }
        for (String ticket : tickets) {
            queue(ticket, e.notice(), e.title() + "\n\n" + e.text(), e.closing());
        }
    }

    /** A second ticket for a request already open: it is told so, and hears of the request from now on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void joined(Ticket t, String requestId) {
        queue(t.id(), "JOINED", "We already have this request\n\nThe same request from you is already open: we"
                + " answer it there and post its progress here too.\n\nReference: " + requestId + "\n", false);
    }

    private void queue(String ticketId, String notice, String body, boolean closing) {
        KeyedCipher cipher = crypto.newDataKey();
        em.persist(new TicketComment(Ids.newId().toString(), ticketId, notice, closing, cipher.keyId().asString(),
                cipher.encrypt(BODY, body), Times.now(clock)));
    }

    /**
     * Comments to post now, oldest first: only each ticket's earliest unposted one, so that a ticket's comments are
     * posted in the order they happened even when one of them has to be retried.
     */
    @Transactional
    public List<String> due() {
        OffsetDateTime now = Times.now(clock);
        return em.createQuery("SELECT c.id FROM TicketComment c WHERE c.state <> :posted AND c.nextAttemptAt <= :now"
                        + " AND (c.leaseUntil IS NULL OR c.leaseUntil < :now) AND NOT EXISTS (SELECT e.id FROM"
                        + " TicketComment e WHERE e.ticketId = c.ticketId AND e.state <> :posted AND (e.createdAt"
                        + " < c.createdAt OR (e.createdAt = c.createdAt AND e.id < c.id))) ORDER BY c.createdAt, c.id",
                        String.class)
                .setParameter("posted", TicketComment.State.POSTED).setParameter("now", now).setMaxResults(100)
                .getResultList();
    }

    /**
     * What one post needs. {@code uncertain}: an earlier try may have posted the comment without learning so (it timed
     * out or failed, or its instance died holding the lease), so the ticket is looked at before it is posted again.
     */
    public record Outgoing(String id, String ticketId, String issueKey, JsmClient.Desk desk, String body,
                           boolean comment, boolean transition, String transitionName, boolean uncertain) {
    }

    /** Leases a comment and reads what it needs; null when another instance has it or it is done. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outgoing claim(String id) {
        OffsetDateTime now = Times.now(clock);
        // Read before the lease is taken: a lease still set means its holder never recorded how its try went.
        List<Object[]> before = em.createQuery("SELECT c.attempts, c.leaseUntil FROM TicketComment c WHERE c.id = :id",
                Object[].class).setParameter("id", id).getResultList();
        boolean uncertain = !before.isEmpty() && (((Number) before.get(0)[0]).intValue() > 0
                || before.get(0)[1] != null);
        int claimed = em.createQuery("UPDATE TicketComment c SET c.leaseUntil = :u WHERE c.id = :id"
                        + " AND c.state <> :posted AND (c.leaseUntil IS NULL OR c.leaseUntil < :now)")
                .setParameter("u", now.plus(config.lease())).setParameter("id", id)
                .setParameter("posted", TicketComment.State.POSTED).setParameter("now", now).executeUpdate();
        if (claimed != 1) {
            return null;
        }
        TicketComment c = em.find(TicketComment.class, id);
        em.refresh(c);
        Ticket t = em.find(Ticket.class, c.ticketId());
        ServiceDesk d = em.find(ServiceDesk.class, t.deskId());
        String body = crypto.cipher(DataKeyId.of(c.dataKeyId())).decrypt(BODY, c.bodyEnc());
        return new Outgoing(id, t.id(), t.issueKey(), desks.target(d), body,
                c.state() == TicketComment.State.PENDING, c.closing(), d.transition(), uncertain);
    }

    /** The comment is on the ticket; a closing one still has its transition to do. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void commented(String id) {
        TicketComment c = em.find(TicketComment.class, id);
        em.refresh(c);
        c.commented();
    }

    /** Done: the text and its key go. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void posted(String id) {
        TicketComment c = em.find(TicketComment.class, id);
        em.refresh(c);
        if (c.dataKeyId() != null) {
            crypto.destroy(DataKeyId.of(c.dataKeyId()));
        }
        c.posted(Times.now(clock));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String id, String error) {
        TicketComment c = em.find(TicketComment.class, id);
        em.refresh(c);
        c.failed(error.length() > 500 ? error.substring(0, 500) : error,
                Times.now(clock).plus(config.backoff(c.attempts() + 1)));
    }
}
