package org.steward.platform.crypto.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.steward.platform.crypto.api.BlindIndexRing;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.IndexKind;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.crypto.api.UnreadableCiphertextException;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.Times;

/** Envelope encryption: every data key and secret is stored only wrapped by the master key. */
@ApplicationScoped
public class EnvelopeCrypto implements Crypto {

    /** The first blind-index key (version 1). Later versions are named {@code blind-index-v<N>}. */
    public static final String BLIND_INDEX_SECRET = "blind-index";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    BlindIndexKeys blindIndexKeys;

    @Inject
    SecretCreation secretCreation;

    @Inject
    Clock clock;

    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public KeyedCipher newDataKey() {
        DataKeyId id = new DataKeyId(Ids.newId());
        SecretKey dek = Aead.newKey();
        // One snapshot of the ring: the stored kek_id must name the key that wrapped, even mid-rotation.
        MasterKeyRing ring = masterKey.ring();
        em.persist(new DataKey(id, ring.currentId(), KeyWrap.wrap(ring.currentKey(), id.asString(), dek),
                Times.now(clock)));
        return new AeadCipher(id, dek);
    }

    /** The cipher for an existing key; throws {@link UnreadableCiphertextException} once the key is destroyed. */
    @Override
    public KeyedCipher cipher(DataKeyId id) {
        DataKey key = em.find(DataKey.class, id.asString());
        if (key == null) {
            throw new UnreadableCiphertextException("Data key " + id.asString() + " does not exist");
        }
        byte[] wrapped = key.wrapped();
        return new AeadCipher(id, KeyWrap.unwrap(masterKey.ring().key(key.kekId()), id.asString(), wrapped));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void destroy(DataKeyId id) {
        DataKey key = em.find(DataKey.class, id.asString());
        if (key != null && !key.destroyed()) {
            key.destroy(Times.now(clock));
        }
    }

    /** The index of a value under the current key version: what a write stores. */
    @Override
    public String blindIndex(IndexKind kind, String value) {
        return value == null ? null : blindIndexRing().current().apply(kind, value);
    }

    /** The active blind-index versions: the current one for writes, all of them for lookups and duplicate checks. */
    @Override
    public BlindIndexRing blindIndexRing() {
        return blindIndexKeys.ring();
    }

    @Override
    public List<Integer> retireDrainedBlindIndexVersions() {
        return blindIndexKeys.retireDrained();
    }

    @Override
    public boolean hasBlindIndexKey() {
        return em.find(Secret.class, BLIND_INDEX_SECRET) != null;
    }

    /** Creates the blind-index key on first start. Another instance may win the race; the caller then re-reads. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean ensureBlindIndexKey() {
        if (em.find(Secret.class, BLIND_INDEX_SECRET) != null) {
            return false;
        }
        SecretKey key = Aead.newKey();
        MasterKeyRing ring = masterKey.ring();
        em.persist(new Secret(BLIND_INDEX_SECRET, ring.currentId(),
                KeyWrap.wrap(ring.currentKey(), BLIND_INDEX_SECRET, key), Times.now(clock)));
        em.flush();
        return true;
    }

    @Override
    public byte[] secret(String name) {
        byte[] known = secrets.get(name);
        if (known != null) {
            return known;
        }
        Secret secret = em.find(Secret.class, name);
        if (secret == null) {
            try {
                secretCreation.createSecret(name);
            } catch (RuntimeException e) {
                // another instance created it first: read theirs below
            }
            secret = em.find(Secret.class, name);
            if (secret == null) {
                throw new IllegalStateException("The secret " + name + " could not be created");
            }
        }
        // Key material never changes for a name (master-key rotation only re-wraps it), so it is kept unwrapped.
        byte[] raw = KeyWrap.unwrap(masterKey.ring().key(secret.kekId()), name, secret.wrapped()).getEncoded();
        secrets.put(name, raw);
        return raw;
    }
}
