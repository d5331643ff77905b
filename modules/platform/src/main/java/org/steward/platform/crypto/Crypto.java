package org.steward.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import javax.crypto.SecretKey;
import org.steward.platform.id.Ids;

/**
 * The crypto service: per-owner data keys (envelope encryption under the master key), their destruction
 * (crypto-shredding), and the keyed blind index for searchable identifiers.
 */
@ApplicationScoped
public class Crypto {

    public static final String BLIND_INDEX_SECRET = "blind-index";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    private volatile BlindIndexFunction blindIndex;

    @Transactional(Transactional.TxType.MANDATORY)
    public KeyedCipher newDataKey() {
        DataKeyId id = new DataKeyId(Ids.newId());
        SecretKey dek = Aead.newKey();
        em.persist(new DataKey(id, masterKey.id(), KeyWrap.wrap(masterKey.key(), id.asString(), dek)));
        return new KeyedCipher(id, dek);
    }

    /** The cipher for an existing key; throws {@link UnreadableCiphertextException} once the key is destroyed. */
    public KeyedCipher cipher(DataKeyId id) {
        DataKey key = em.find(DataKey.class, id.asString());
        if (key == null) {
            throw new UnreadableCiphertextException("Data key " + id.asString() + " does not exist");
        }
        return new KeyedCipher(id, KeyWrap.unwrap(masterKey.key(), id.asString(), key.wrapped()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void destroy(DataKeyId id) {
        DataKey key = em.find(DataKey.class, id.asString());
        if (key != null && !key.destroyed()) {
            key.destroy();
        }
    }

    public String blindIndex(IndexKind kind, String value) {
        return value == null ? null : blindIndex().apply(kind, value);
    }

    private BlindIndexFunction blindIndex() {
        BlindIndexFunction f = blindIndex;
        if (f == null) {
            Secret secret = em.find(Secret.class, BLIND_INDEX_SECRET);
            if (secret == null) {
                throw new IllegalStateException("The blind-index key is missing: start-up did not complete");
            }
            f = new BlindIndexFunction(KeyWrap.unwrap(masterKey.key(), BLIND_INDEX_SECRET, secret.wrapped()));
            blindIndex = f;
        }
        return f;
    }

    public boolean hasBlindIndexKey() {
        return em.find(Secret.class, BLIND_INDEX_SECRET) != null;
    }

    /** Creates the blind-index key on first start. Another instance may win the race; the caller then re-reads. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean ensureBlindIndexKey() {
        if (em.find(Secret.class, BLIND_INDEX_SECRET) != null) {
            return false;
        }
        SecretKey key = Aead.newKey();
        em.persist(new Secret(BLIND_INDEX_SECRET, masterKey.id(),
                KeyWrap.wrap(masterKey.key(), BLIND_INDEX_SECRET, key)));
        em.flush();
        return true;
    }
}
