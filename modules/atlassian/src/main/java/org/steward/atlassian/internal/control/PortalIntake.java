package org.steward.atlassian.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.steward.atlassian.internal.connector.JsmClient;
import org.steward.atlassian.internal.entity.ServiceDesk;
import org.steward.atlassian.internal.entity.Ticket;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.subjectrights.api.HelpCenterRequests;
import org.steward.subjectrights.api.Jurisdiction;
import org.steward.subjectrights.api.RequestType;

/**
 * Portal requests in: a signed webhook names a ticket (its content is read from JSM, never taken from the webhook),
 * the poll lists the desk's new requests, and either way the ticket's unique key files it once. A request becomes a
 * subject request of the type its request type maps to; one of an unmapped type is left alone.
 */
@ApplicationScoped
public class PortalIntake {

    private static final Logger LOG = Logger.getLogger(PortalIntake.class.getName());

    /** {@code sha256=<hex>}: the signature Jira's webhooks carry, HMAC-SHA256 of the body with the shared secret. */
    public static final String SIGNATURE_HEADER = "X-Hub-Signature";

    /** A poll reads back this far before its cursor: requests created in the same instant are not missed. */
    static final long OVERLAP_MILLIS = 60_000;

    static final int PAGE = 50;
    /** A bound on one poll: 10,000 requests since the last one; past it the rest wait for the next poll. */
    static final int MAX_PAGES = 200;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    ServiceDesks desks;

    @Inject
    PortalTickets tickets;

    @Inject
    AtlassianConfig config;

    @Inject
    Clock clock;

    /** A verified webhook: the ticket is recorded (once) and read from JSM by the next run. */
    @Transactional
    public Ticket webhook(String deskId, String signature, byte[] body) {
        ServiceDesk d = desks.get(deskId);
        if (!signed(desks.webhookSecret(d), signature, body)) {
            throw new ProblemException(ProblemType.SIGNATURE_REFUSED, "The webhook's signature is missing or wrong",
                    List.of(new FieldError(SIGNATURE_HEADER, "must be sha256=<hex HMAC-SHA256 of the body with the"
                            + " desk's webhook secret>")));
        }
        String key;
        try (JsonReader r = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonObject issue = r.readObject().getJsonObject("issue");
            key = issue == null ? null : issue.getString("key", null);
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The webhook's body is not Jira's JSON");
        }
        if (key == null || !PortalTickets.ISSUE_KEY.matcher(key).matches()) {
            throw ProblemException.invalid("issue.key", "must be a Jira issue key (PROJECT-123)");
        }
        return tickets.recorded(deskId, key, Ticket.Source.WEBHOOK);
    }

    static boolean signed(byte[] secret, String header, byte[] body) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] given = HexFormat.of().parseHex(header.substring(7).strip());
            return MessageDigest.isEqual(mac.doFinal(body), given);
        } catch (IllegalArgumentException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }



    @Transactional
    public List<String> desksDue() {
        OffsetDateTime now = Times.now(clock);
        return em.createQuery("SELECT d.id FROM ServiceDesk d WHERE d.poll = TRUE AND d.nextPollAt <= :now"
                        + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now) ORDER BY d.nextPollAt", String.class)
                .setParameter("now", now).setMaxResults(20).getResultList();
    }

    @Transactional
    public List<String> pendingTickets() {
        return em.createQuery("SELECT t.id FROM Ticket t WHERE t.state = :p AND t.nextAttemptAt <= :now"
                        + " AND (t.leaseUntil IS NULL OR t.leaseUntil < :now) ORDER BY t.createdAt", String.class)
                .setParameter("p", Ticket.State.PENDING).setParameter("now", Times.now(clock))
                .setMaxResults(50).getResultList();
    }

    /** One poll of a desk: every request created since the cursor (newest first, page by page), filed oldest first. */
    @ActivateRequestContext
    public void poll(String deskId) {
        String owner = Ids.newId().toString();
        if (!tickets.lease(deskId, owner)) {
            return;
        }
        try {
            ServiceDesk d = desks.get(deskId);
            JsmClient.Desk target = desks.target(d);
            long cursor = d.pollCursor() == null ? 0 : d.pollCursor();
            List<JsmClient.PortalRequest> fresh = new ArrayList<>();
            long newest = cursor;
            try {
                boolean reached = false;
                pages:
                for (int page = 0; page < MAX_PAGES; page++) {
                    JsmClient.RequestPage p = config.jsm().requests(target, page * PAGE, PAGE);
                    for (JsmClient.PortalRequest r : p.requests()) {
                        if (r.createdMillis() < cursor - OVERLAP_MILLIS) {
                            reached = true;
                            break pages;
                        }
                        newest = Math.max(newest, r.createdMillis());
                        fresh.add(0, r);
                    }
                    if (p.lastPage()) {
                        reached = true;
                        break;
                    }
                }
                if (!reached) {
                    LOG.warning("A service desk has more new requests than one poll reads (" + MAX_PAGES * PAGE
                            + "); the older ones are not filed by the poll: send them by webhook");
                }
            } catch (JsmClient.JsmException e) {
                tickets.pollFailed(deskId, e.getMessage());
                return;
            }
            for (JsmClient.PortalRequest r : fresh) {
                try {
                    tickets.fileFromPoll(deskId, r);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Filing a polled portal request failed; it is retried by its key", e);
                    tickets.recordPending(deskId, r.issueKey());
                }
            }
            tickets.polled(deskId, newest);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Polling a service desk failed; the next period retries", e);
        } finally {
            tickets.release(deskId, owner);
        }
    }






    /** A ticket known by key only (a webhook): read from JSM and filed; retried with backoff while JSM fails. */
    @ActivateRequestContext
    public void fetchAndFile(String ticketId) {
        try {
            Ticket t = em.find(Ticket.class, ticketId);
            if (t == null || t.state() != Ticket.State.PENDING) {
                return;
            }
            ServiceDesk d = desks.get(t.deskId());
            Optional<JsmClient.PortalRequest> r;
            try {
                r = config.jsm().request(desks.target(d), t.issueKey());
            } catch (JsmClient.JsmException e) {
                tickets.retry(ticketId, e.getMessage());
                return;
            }
            tickets.fileFetched(ticketId, r.orElse(null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Filing a portal request failed; it is retried", e);
            tickets.retry(ticketId, "failed: " + e.getClass().getSimpleName());
        }
    }



}
