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

    /** The first blind-index key (version 1). Later versions are named {@code blind-index-v<N>}. */
    public static final String BLIND_INDEX_SECRET = "blind-index";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    BlindIndexKeys blindIndexKeys;

    @Transactional(Transactional.TxType.MANDATORY)
    public KeyedCipher newDataKey() {
        DataKeyId id = new DataKeyId(Ids.newId());
        SecretKey dek = Aead.newKey();
        // One snapshot of the ring: the stored kek_id must name the key that wrapped, even mid-rotation.
        MasterKeyRing ring = masterKey.ring();
        em.persist(new DataKey(id, ring.currentId(), KeyWrap.wrap(ring.currentKey(), id.asString(), dek)));
        return new KeyedCipher(id, dek);
    }

    /** The cipher for an existing key; throws {@link UnreadableCiphertextException} once the key is destroyed. */
    public KeyedCipher cipher(DataKeyId id) {
        DataKey key = em.find(DataKey.class, id.asString());
        if (key == null) {
            throw new UnreadableCiphertextException("Data key " + id.asString() + " does not exist");
        }
        byte[] wrapped = key.wrapped();
        return new KeyedCipher(id, KeyWrap.unwrap(masterKey.ring().key(key.kekId()), id.asString(), wrapped));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void destroy(DataKeyId id) {
        DataKey key = em.find(DataKey.class, id.asString());
        if (key != null && !key.destroyed()) {
            key.destroy();
        }
    }

    /** The index of a value under the current key version: what a write stores. */
    public String blindIndex(IndexKind kind, String value) {
        return value == null ? null : blindIndexRing().current().apply(kind, value);
    }

    /** The active blind-index versions: the current one for writes, all of them for lookups and duplicate checks. */
    public BlindIndexRing blindIndexRing() {
        return blindIndexKeys.ring();
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
        MasterKeyRing ring = masterKey.ring();
        em.persist(new Secret(BLIND_INDEX_SECRET, ring.currentId(),
                KeyWrap.wrap(ring.currentKey(), BLIND_INDEX_SECRET, key)));
        em.flush();
        return true;
    }
}
