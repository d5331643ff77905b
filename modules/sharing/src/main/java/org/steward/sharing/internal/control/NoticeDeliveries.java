package org.steward.sharing.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.platform.kernel.api.InstanceId;
import org.steward.platform.kernel.api.Times;
import org.steward.sharing.internal.entity.Delivery;
import org.steward.sharing.internal.entity.ChangeNotice;
import org.steward.sharing.internal.entity.Subprocessor;
import org.steward.sharing.internal.entity.Subscription;

/**
 * The notice outbox: deliveries are leased by a conditional UPDATE (one instance sends each), sent outside any
 * transaction, and marked in a transaction of their own. A crash between sending and marking sends the same
 * delivery again when the lease runs out, under the same {@code Steward-Delivery} id, so that the receiver can tell.
 */
@ApplicationScoped
public class NoticeDeliveries {

    static final String OWNER = InstanceId.get();

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Subscriptions subscriptions;

    @Inject
    SharingConfig config;

    @Inject
    Clock clock;

    /** What one delivery sends. */
    public record Outgoing(String deliveryId, Subscriptions.Target target, String subject, String text,
                           byte[] json) {
    }

    @Transactional
    public List<String> due() {
        return em.createQuery("SELECT d.id FROM Delivery d WHERE d.state IN :open AND d.nextAttemptAt <= :now"
                        + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now) ORDER BY d.nextAttemptAt", String.class)
                .setParameter("open", List.of(Delivery.State.PENDING, Delivery.State.FAILING))
                .setParameter("now", Times.now(clock)).setMaxResults(100).getResultList();
    }

    /** Leases the delivery and reads what it sends; null when another instance has it or it is no longer due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outgoing claim(String deliveryId) {
        OffsetDateTime now = Times.now(clock);
        int claimed = em.createQuery("UPDATE Delivery d SET d.leaseOwner = :o, d.leaseUntil = :until WHERE d.id = :id"
                        + " AND d.state IN :open AND d.nextAttemptAt <= :now"
                        + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
                .setParameter("o", OWNER).setParameter("until", now.plus(config.lease())).setParameter("id", deliveryId)
                .setParameter("open", List.of(Delivery.State.PENDING, Delivery.State.FAILING))
                .setParameter("now", now).executeUpdate();
        if (claimed != 1) {
            return null;
        }
        Delivery d = em.find(Delivery.class, deliveryId);
        em.refresh(d);
        ChangeNotice n = em.find(ChangeNotice.class, d.noticeId());
        Subscription s = em.find(Subscription.class, d.subscriptionId());
        Subprocessor p = em.find(Subprocessor.class, n.subprocessorId());
        return new Outgoing(d.id(), subscriptions.target(s), subject(n, p), text(n, p), json(n, p));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(String deliveryId) {
        OffsetDateTime now = Times.now(clock);
        em.createQuery("UPDATE Delivery d SET d.state = :s, d.deliveredAt = :now, d.lastError = NULL,"
                        + " d.attempts = d.attempts + 1, d.leaseOwner = NULL, d.leaseUntil = NULL WHERE d.id = :id")
                .setParameter("s", Delivery.State.DELIVERED).setParameter("now", now).setParameter("id", deliveryId)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String deliveryId, String error) {
        Delivery d = em.find(Delivery.class, deliveryId);
        if (d == null) {
            return;
        }
        em.refresh(d);
        int attempts = d.attempts() + 1;
        OffsetDateTime now = Times.now(clock);
        em.createQuery("UPDATE Delivery d SET d.state = :s, d.attempts = :a, d.lastError = :e, d.nextAttemptAt = :next,"
                        + " d.leaseOwner = NULL, d.leaseUntil = NULL WHERE d.id = :id")
                .setParameter("s", attempts >= config.attemptsBeforeFailing() ? Delivery.State.FAILING
                        : Delivery.State.PENDING)
                .setParameter("a", attempts).setParameter("e", error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter("next", now.plus(config.backoff(attempts)))
                .setParameter("id", deliveryId).executeUpdate();
    }

    static String subject(ChangeNotice n, Subprocessor p) {
        return switch (n.kind()) {
            case ADDED -> "New subprocessor proposed: " + p.name();
            case WIDENED -> "Subprocessor to receive more data: " + p.name();
            case CHANGED -> "Subprocessor changed: " + p.name();
            case RETIRED -> "Subprocessor retired: " + p.name();
        };
    }

    String text(ChangeNotice n, Subprocessor p) {
        StringBuilder b = new StringBuilder(n.summary()).append("\n\n");
        if (n.objectionUntil() != null) {
            b.append("You may object until ").append(n.objectionUntil()).append("; the change takes effect then.\n")
                    .append("Object: POST ").append(objectionsUrl(n)).append("\n");
        }
        config.publicUrl().ifPresent(base -> b.append("The register: ").append(base)
                .append("/api/v1/subprocessors\n"));
        return b.toString();
    }

    byte[] json(ChangeNotice n, Subprocessor p) {
        JsonObjectBuilder notice = JSON.createObjectBuilder().add("id", n.id()).add("kind", n.kind().name())
                .add("summary", n.summary()).add("publishedAt", n.publishedAt().toString())
                .add("effectiveAt", n.effectiveAt().toString())
                .add("subprocessor", JSON.createObjectBuilder().add("id", p.id()).add("name", p.name())
                        .add("category", p.category().name()));
        if (n.objectionUntil() != null) {
            notice.add("objectionUntil", n.objectionUntil().toString()).add("objectionsUrl", objectionsUrl(n));
        }
        if (n.categoriesAdded() != null) {
            notice.add("categoriesAdded", JSON.createArrayBuilder(List.of(n.categoriesAdded().split(","))));
        }
        return JSON.createObjectBuilder().add("type", "subprocessor.notice").add("notice", notice).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private String objectionsUrl(ChangeNotice n) {
        return config.publicUrl().orElse("") + "/api/v1/sharing/notices/" + n.id() + "/objections";
    }
}
