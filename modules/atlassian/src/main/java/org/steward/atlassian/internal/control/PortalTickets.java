package org.steward.atlassian.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.steward.atlassian.internal.connector.JsmClient;
import org.steward.atlassian.internal.entity.ServiceDesk;
import org.steward.atlassian.internal.entity.Ticket;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.subjectrights.api.HelpCenterRequests;
import org.steward.subjectrights.api.Jurisdiction;
import org.steward.subjectrights.api.RequestType;

/**
 * The help center's transactions, each its own: a desk's poll lease and cursor, and a ticket recorded and filed
 * (under a lock on the ticket, so that a webhook and a poll that see the same request file it once).
 */
@ApplicationScoped
public class PortalTickets {

    static final Pattern ISSUE_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,49}-[0-9]{1,18}");

    /** JSM's portal-only customers: an account id of this form is no Atlassian account, and proves nothing. */
    private static final String PORTAL_ONLY = "qm:";

    private static final Pattern REQUEST_TYPE = Pattern.compile("[0-9]{1,32}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9:-]{1,128}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,189}");

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    HelpCenterRequests requests;

    @Inject
    TicketComments comments;

    @Inject
    AtlassianConfig config;

    @Inject
    AtlassianMetrics metrics;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean lease(String deskId, String owner) {
        OffsetDateTime now = Times.now(clock);
        return em.createQuery("UPDATE ServiceDesk d SET d.leaseOwner = :o, d.leaseUntil = :u,"
                        + " d.version = d.version + 1 WHERE d.id = :id AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
                .setParameter("o", owner).setParameter("u", now.plus(config.lease())).setParameter("id", deskId)
                .setParameter("now", now).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String deskId, String owner) {
        em.createQuery("UPDATE ServiceDesk d SET d.leaseOwner = NULL, d.leaseUntil = NULL, d.version = d.version + 1"
                + " WHERE d.id = :id AND d.leaseOwner = :o").setParameter("id", deskId).setParameter("o", owner)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void polled(String deskId, long cursor) {
        ServiceDesk d = em.find(ServiceDesk.class, deskId);
        if (d != null) {
            em.refresh(d);
            OffsetDateTime now = Times.now(clock);
            d.polled(cursor, now, now.plus(config.pollPeriod()).plus(config.jitter()));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void pollFailed(String deskId, String error) {
        ServiceDesk d = em.find(ServiceDesk.class, deskId);
        if (d != null) {
            em.refresh(d);
            OffsetDateTime now = Times.now(clock);
            d.failed(error, now, now.plus(config.backoff(1)));
        }
    }

    /**
     * A request the poll could not file (an unexpected failure): recorded by its key, so that it is read and filed
     * again with backoff, like a webhook's, rather than lost behind the poll's cursor.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordPending(String deskId, String key) {
        if (key != null && ISSUE_KEY.matcher(key).matches()) {
            recorded(deskId, key, Ticket.Source.POLL);
        }
    }

    /** A request the poll found: recorded and filed in one transaction, unless the webhook was first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fileFromPoll(String deskId, JsmClient.PortalRequest r) {
        if (r.issueKey() == null || !ISSUE_KEY.matcher(r.issueKey()).matches()) {
            return;
        }
        Ticket t = recorded(deskId, r.issueKey(), Ticket.Source.POLL);
        file(em.find(ServiceDesk.class, deskId), t, r);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fileFetched(String ticketId, JsmClient.PortalRequest r) {
        Ticket t = em.find(Ticket.class, ticketId, LockModeType.PESSIMISTIC_WRITE);
        ServiceDesk d = em.find(ServiceDesk.class, t.deskId());
        OffsetDateTime now = Times.now(clock);
        if (r == null) {
            t.settled(Ticket.State.REFUSED, null, "JSM does not know this issue key", now);
        } else if (r.serviceDeskId() != null && !r.serviceDeskId().equals(d.serviceDeskId())) {
            t.settled(Ticket.State.REFUSED, r.requestTypeId(), "the request belongs to another service desk", now);
        } else {
            file(d, t, r);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retry(String ticketId, String note) {
        Ticket t = em.find(Ticket.class, ticketId);
        if (t != null && t.state() == Ticket.State.PENDING) {
            em.refresh(t);
            OffsetDateTime now = Times.now(clock);
            t.retryAt(now.plus(config.backoff(t.attempts() + 1)), note, now);
        }
    }

    /** Files the ticket's request, under a lock on the ticket so that webhook and poll cannot both file it. */
    private void file(ServiceDesk d, Ticket t, JsmClient.PortalRequest r) {
        em.lock(t, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(t);
        if (t.state() != Ticket.State.PENDING) {
            return;
        }
        OffsetDateTime now = Times.now(clock);
        // What JSM says is taken only in the shapes Steward's own API accepts; anything else counts as absent.
        String typeId = r.requestTypeId() != null && REQUEST_TYPE.matcher(r.requestTypeId()).matches()
                ? r.requestTypeId() : null;
        RequestType type = typeId == null ? null : ServiceDesks.requestTypes(d).get(typeId);
        if (type == null) {
            t.settled(Ticket.State.IGNORED, typeId, "its request type maps to no subject request", now);
            return;
        }
        String account = r.accountId() == null || r.accountId().startsWith(PORTAL_ONLY)
                || r.accountId().equalsIgnoreCase("unknown") || !ACCOUNT.matcher(r.accountId()).matches()
                ? null : r.accountId();
        String email = r.email() != null && r.email().length() <= 254 && EMAIL.matcher(r.email()).matches()
                ? r.email() : null;
        if (account == null && email == null) {
            t.settled(Ticket.State.REFUSED, typeId, "the request names neither an Atlassian account nor an email"
                    + " address", now);
            return;
        }
        HelpCenterRequests.Filed filed = comments.filing(t.id(), () -> requests.file(
                new HelpCenterRequests.HelpCenterFiling(type, Jurisdiction.valueOf(d.jurisdiction()), account,
                        email, t.issueKey())));
        t.filed(filed.requestId(), typeId, filed.joined() ? "joined an open request of the same"
                + " requester and type" : null, now);
        if (filed.joined()) {
            comments.joined(t, filed.requestId());
        }
        metrics.filed();
    }

    /** The ticket of that key on the desk, recorded if new; the unique index settles a race with the poll. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket recorded(String deskId, String key, Ticket.Source source) {
        Optional<Ticket> known = find(deskId, key);
        if (known.isPresent()) {
            return known.get();
        }
        Ticket t = new Ticket(Ids.newId().toString(), deskId, key, source, Times.now(clock));
        em.persist(t);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ProblemException(ProblemType.CONFLICT, "The ticket is being recorded at this moment; send it"
                    + " again");
        }
        return t;
    }

    private Optional<Ticket> find(String deskId, String key) {
        return em.createQuery("SELECT t FROM Ticket t WHERE t.deskId = :d AND t.issueKey = :k", Ticket.class)
                .setParameter("d", deskId).setParameter("k", key).getResultStream().findFirst();
    }
}
