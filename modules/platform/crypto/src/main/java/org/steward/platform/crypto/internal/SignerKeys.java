package org.steward.platform.crypto.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Base64;

/** Creates a key pair in a transaction of its own; two instances may race, and the loser reads the winner's. */
@ApplicationScoped
public class SignerKeys {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String secretName, String keyId) {
        if (em.find(Secret.class, secretName) == null) {
            Ed25519.Generated pair = Ed25519.generate();
            MasterKeyRing ring = masterKey.ring();
            em.persist(new Secret(secretName, ring.currentId(),
                    KeyWrap.wrap(ring.currentKey(), secretName, Aead.key(pair.seed()))));
            em.persist(new SigningKey(keyId, Ed25519.ALGORITHM,
                    Base64.getEncoder().encodeToString(pair.publicKeySpki())));
            em.flush();
        }
    }
}
