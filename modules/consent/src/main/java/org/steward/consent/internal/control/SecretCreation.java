package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Base64;
import org.steward.consent.internal.entity.SigningKey;
import org.steward.platform.crypto.Aead;
import org.steward.platform.crypto.KeyWrap;
import org.steward.platform.crypto.MasterKey;
import org.steward.platform.crypto.MasterKeyRing;
import org.steward.platform.crypto.Secret;

/**
 * Creates the consent module's server-wide keys on first use, each in a transaction of its own, stored wrapped by the
 * master key as platform secrets (so master-key rotation re-wraps them too). Two instances may race; the loser's
 * insert fails on the primary key and it reads the winner's key.
 */
@ApplicationScoped
public class SecretCreation {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createSecret(String name) {
        if (em.find(Secret.class, name) == null) {
            MasterKeyRing ring = masterKey.ring();
            em.persist(new Secret(name, ring.currentId(), KeyWrap.wrap(ring.currentKey(), name, Aead.newKey())));
            em.flush();
        }
    }

    /** The Ed25519 seed is 32 bytes, the size of an AES-256 key, so it is wrapped exactly like one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createSigningKey(String secretName, String keyId) {
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
