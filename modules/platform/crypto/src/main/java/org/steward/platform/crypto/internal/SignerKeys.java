package org.steward.platform.crypto.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.steward.platform.kernel.api.Times;

/** Creates a key pair in a transaction of its own; two instances may race, and the loser reads the winner's. */
@ApplicationScoped
public class SignerKeys {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String secretName, String keyId) {
        if (em.find(Secret.class, secretName) == null) {
            OffsetDateTime now = Times.now(clock);
            Ed25519.Generated pair = Ed25519.generate();
            MasterKeyRing ring = masterKey.ring();
            em.persist(new Secret(secretName, ring.currentId(),
                    KeyWrap.wrap(ring.currentKey(), secretName, Aead.key(pair.seed())), now));
            em.persist(new SigningKey(keyId, Ed25519.ALGORITHM,
                    Base64.getEncoder().encodeToString(pair.publicKeySpki()), now));
            em.flush();
        }
    }
}
