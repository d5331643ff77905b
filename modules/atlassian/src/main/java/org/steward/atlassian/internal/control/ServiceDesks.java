package org.steward.atlassian.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.steward.atlassian.internal.connector.JsmClient;
import org.steward.atlassian.internal.entity.ServiceDesk;
import org.steward.atlassian.internal.entity.TicketComment;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;
import org.steward.subjectrights.api.RequestType;

/**
 * The connected service desks: their settings, their credential and webhook secret (encrypted under the desk's data
 * key; the secret is shown once, when made), and what a call to JSM needs.
 */
@ApplicationScoped
public class ServiceDesks {

    static final String CREDENTIAL = "jsm-credential";
    static final String WEBHOOK = "jsm-webhook-secret";

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Crypto crypto;

    @Inject
    AtlassianConfig config;

    @Inject
    Clock clock;

    /**
     * A desk's settings as given. {@code authorization} is the whole Authorization header (made from the email and
     * API token, or the OAuth token); null keeps the stored one on an update. {@code since} is the creation time in
     * epoch milliseconds from which portal requests are filed (null: from now).
     */
    public record Settings(String name, String siteUrl, String serviceDeskId, ServiceDesk.Auth auth,
                           String authorization, Map<String, RequestType> requestTypes, String jurisdiction,
                           String transition, boolean poll, Long since) {
    }

    /** A new desk and its webhook secret, which is never shown again. */
    public record Created(ServiceDesk desk, String webhookSecret) {
    }

    @Transactional
    public Created create(Settings s) {
        check(s);
        if (s.authorization() == null) {
            throw ProblemException.invalid(s.auth() == ServiceDesk.Auth.BASIC ? "apiToken" : "accessToken",
                    "is required");
        }
        OffsetDateTime now = Times.now(clock);
        KeyedCipher cipher = crypto.newDataKey();
        String secret = newSecret();
        ServiceDesk d = new ServiceDesk(Ids.newId().toString(), cipher.keyId().asString(),
                cipher.encrypt(WEBHOOK, secret), now);
        d.configure(s.name().strip(), s.siteUrl().strip(), s.serviceDeskId(), s.auth(),
                cipher.encrypt(CREDENTIAL, s.authorization()), types(s.requestTypes()), s.jurisdiction(),
                s.transition(), s.poll(), now);
        // JSM's clock, not Steward's (which a test may move): the cursor is compared with JSM's creation times.
        d.polled(s.since() != null ? s.since() : System.currentTimeMillis(), now, now);
        em.persist(d);
        return new Created(d, secret);
    }

    @Transactional
    public ServiceDesk update(String id, Settings s) {
        check(s);
        ServiceDesk d = get(id);
        KeyedCipher cipher = crypto.cipher(DataKeyId.of(d.dataKeyId()));
        byte[] credential = s.authorization() == null ? d.credentialEnc() : cipher.encrypt(CREDENTIAL,
                s.authorization());
        if (s.authorization() == null && s.auth() != d.auth()) {
            throw ProblemException.invalid(s.auth() == ServiceDesk.Auth.BASIC ? "apiToken" : "accessToken",
                    "is required when the auth changes");
        }
        OffsetDateTime now = Times.now(clock);
        d.configure(s.name().strip(), s.siteUrl().strip(), s.serviceDeskId(), s.auth(), credential,
                types(s.requestTypes()), s.jurisdiction(), s.transition(), s.poll(), now);
        return d;
    }

    /** A new webhook secret; the old one stops working at once. */
    @Transactional
    public Created rotateWebhookSecret(String id) {
        ServiceDesk d = get(id);
        String secret = newSecret();
        em.createQuery("UPDATE ServiceDesk d SET d.webhookEnc = :w, d.version = d.version + 1 WHERE d.id = :id")
                .setParameter("w", crypto.cipher(DataKeyId.of(d.dataKeyId())).encrypt(WEBHOOK, secret))
                .setParameter("id", id).executeUpdate();
        em.refresh(d);
        return new Created(d, secret);
    }

    @Transactional
    public ServiceDesk get(String id) {
        ServiceDesk d = Ids.parseOrNull(id) == null ? null : em.find(ServiceDesk.class, id);
        if (d == null) {
            throw ProblemException.notFound("Service desk", id);
        }
        em.refresh(d);
        return d;
    }

    @Transactional
    public List<ServiceDesk> list() {
        return em.createQuery("SELECT d FROM ServiceDesk d ORDER BY d.createdAt, d.id", ServiceDesk.class)
                .getResultList();
    }

    /** Disconnects the desk: its tickets and pending comments go, and its key with the credential and secret. */
    @Transactional
    public void remove(String id) {
        ServiceDesk d = get(id);
        List<String> keys = em.createQuery("SELECT c.dataKeyId FROM TicketComment c WHERE c.dataKeyId IS NOT NULL"
                + " AND c.ticketId IN (SELECT t.id FROM Ticket t WHERE t.deskId = :d)", String.class)
                .setParameter("d", id).getResultList();
        keys.forEach(k -> crypto.destroy(DataKeyId.of(k)));
        em.createQuery("DELETE FROM TicketComment c WHERE c.ticketId IN (SELECT t.id FROM Ticket t"
                + " WHERE t.deskId = :d)").setParameter("d", id).executeUpdate();
        em.createQuery("DELETE FROM Ticket t WHERE t.deskId = :d").setParameter("d", id).executeUpdate();
        crypto.destroy(DataKeyId.of(d.dataKeyId()));
        em.remove(d);
    }

    public JsmClient.Desk target(ServiceDesk d) {
        return new JsmClient.Desk(d.siteUrl(), d.serviceDeskId(),
                crypto.cipher(DataKeyId.of(d.dataKeyId())).decrypt(CREDENTIAL, d.credentialEnc()));
    }

    public byte[] webhookSecret(ServiceDesk d) {
        return crypto.cipher(DataKeyId.of(d.dataKeyId())).decrypt(WEBHOOK, d.webhookEnc())
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static Map<String, RequestType> requestTypes(ServiceDesk d) {
        Map<String, RequestType> m = new LinkedHashMap<>();
        for (String pair : d.requestTypes().split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(pair.substring(0, eq), RequestType.valueOf(pair.substring(eq + 1)));
            }
        }
        return m;
    }

    /** Tickets of the desk, newest first, with how many of their comments wait to be posted. */
    @Transactional
    public List<Object[]> tickets(String id, int limit) {
        get(id);
        return em.createQuery("SELECT t, (SELECT COUNT(c) FROM TicketComment c WHERE c.ticketId = t.id"
                        + " AND c.state <> :posted) FROM Ticket t WHERE t.deskId = :d ORDER BY t.createdAt DESC, t.id",
                        Object[].class)
                .setParameter("posted", TicketComment.State.POSTED).setParameter("d", id).setMaxResults(limit)
                .getResultList();
    }

    private void check(Settings s) {
        config.http().problem(s.siteUrl() == null ? null : s.siteUrl().strip()).ifPresent(p -> {
            throw ProblemException.invalid("siteUrl", p);
        });
    }

    private static String types(Map<String, RequestType> m) {
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().name())
                .collect(Collectors.joining(","));
    }

    private static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
