package org.steward.platform.crypto.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.steward.platform.kernel.api.Times;

/**
 * Creates named server-wide secrets on first use, each in a transaction of its own, stored wrapped by the
 * master key as platform secrets (so master-key rotation re-wraps them too). Two instances may race; the loser's
 * insert fails on the primary key and it reads the winner's key.
 */
@ApplicationScoped
public class SecretCreation {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createSecret(String name) {
        if (em.find(Secret.class, name) == null) {
            MasterKeyRing ring = masterKey.ring();
            em.persist(new Secret(name, ring.currentId(), KeyWrap.wrap(ring.currentKey(), name, Aead.newKey()),
                    Times.now(clock)));
            em.flush();
        }
    }
}
