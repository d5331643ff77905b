package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.TenantDirectory;
import org.steward.platform.security.api.TenantScope;
import org.steward.sharing.internal.connector.WebhookSignature;
import org.steward.sharing.internal.entity.Subscription;

/**
 * Tenants' subscriptions to change notices. The address is encrypted under the subscription's own data key, and a
 * webhook's signing secret is shown once, when it is created: only its ciphertext is kept.
 */
@ApplicationScoped
public class Subscriptions {

    static final String ADDRESS = "subscription-address";
    static final String SECRET = "subscription-secret";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Crypto crypto;

    @Inject
    TenantDirectory tenants;

    @Inject
    TenantScope scope;

    @Inject
    SharingConfig config;

    @Inject
    Clock clock;

    /** A new subscription and, for a webhook, its secret ({@code whsec_…}, shown once). */
    public record Created(Subscription subscription, String address, String secret) {
    }

    /** A subscription's address and secret, decrypted for a delivery. */
    public record Target(Subscription.Channel channel, String address, byte[] secret) {
    }

    public Created subscribe(String tenantId, Subscription.Channel channel, String address) {
        requireTenant(tenantId);
        String value = address.strip();
        if (channel == Subscription.Channel.WEBHOOK) {
            config.urlProblem(value).ifPresent(p -> {
                throw ProblemException.invalid("url", p);
            });
        }
        KeyedCipher cipher = crypto.newDataKey();
        byte[] secret = channel == Subscription.Channel.WEBHOOK ? WebhookSignature.newSecret() : null;
        String encodedSecret = secret == null ? null : WebhookSignature.encodeSecret(secret);
        Subscription s = new Subscription(Ids.newId().toString(), tenantId, channel, cipher.keyId().asString(),
                cipher.encrypt(ADDRESS, value), encodedSecret == null ? null : cipher.encrypt(SECRET, encodedSecret),
                Times.now(clock));
        em.persist(s);
        return new Created(s, value, encodedSecret);
    }

    public Subscription get(String tenantId, String id) {
        requireTenant(tenantId);
        Subscription s = id == null || Ids.parseOrNull(id) == null ? null : em.find(Subscription.class, id);
        if (s == null || !s.tenantId().equals(tenantId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Subscription " + id + " does not exist",
                    List.of(new FieldError("subscriptionId", "no such subscription of this tenant")));
        }
        return s;
    }

    public Subscription cancel(String tenantId, String id) {
        Subscription s = get(tenantId, id);
        if (s.cancelledAt() == null) {
            s.cancel(Times.now(clock));
            em.createQuery("UPDATE Delivery d SET d.state = :dropped WHERE d.subscriptionId = :s AND d.state IN :open")
                    .setParameter("dropped", org.steward.sharing.internal.entity.Delivery.State.DROPPED)
                    .setParameter("s", id).setParameter("open", List.of(
                            org.steward.sharing.internal.entity.Delivery.State.PENDING,
                            org.steward.sharing.internal.entity.Delivery.State.FAILING)).executeUpdate();
        }
        return s;
    }

    public List<Subscription> of(String tenantId) {
        requireTenant(tenantId);
        return em.createQuery("SELECT s FROM Subscription s WHERE s.tenantId = :t ORDER BY s.id", Subscription.class)
                .setParameter("t", tenantId).getResultList();
    }

    public String address(Subscription s) {
        return crypto.cipher(DataKeyId.of(s.dataKeyId())).decrypt(ADDRESS, s.addressEnc());
    }

    Target target(Subscription s) {
        KeyedCipher cipher = crypto.cipher(DataKeyId.of(s.dataKeyId()));
        byte[] secret = s.secretEnc() == null ? null
                : WebhookSignature.decodeSecret(cipher.decrypt(SECRET, s.secretEnc()));
        return new Target(s.channel(), cipher.decrypt(ADDRESS, s.addressEnc()), secret);
    }

    private void requireTenant(String tenantId) {
        if (tenantId == null || Ids.parseOrNull(tenantId) == null || !tenants.exists(tenantId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Tenant " + tenantId + " does not exist",
                    List.of(new FieldError("tenantId", "no such tenant")));
        }
        scope.check(tenantId);
    }
}
