package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.steward.platform.crypto.KeyWrap;
import org.steward.platform.crypto.MasterKey;
import org.steward.platform.crypto.Secret;

/**
 * The consent module's keys: the unsubscribe-token key and the key of the IP-address hash (receipts are signed by the
 * platform {@link org.steward.platform.crypto.Signer} under {@link #RECEIPT_KEY_ID}).
 * Key material never changes for a name (rotation of the master key only re-wraps it), so it is kept once unwrapped.
 */
@ApplicationScoped
public class ConsentKeys {

    public static final String RECEIPT_KEY_ID = "receipt-v1";
    static final String UNSUBSCRIBE_SECRET = "consent-unsubscribe";
    static final String PROOF_SECRET = "consent-ip-proof";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    SecretCreation creation;

    private final Map<String, byte[]> unwrapped = new ConcurrentHashMap<>();

    public byte[] unsubscribeKey() {
        return material(UNSUBSCRIBE_SECRET);
    }

    public byte[] proofKey() {
        return material(PROOF_SECRET);
    }

    private byte[] material(String name) {
        byte[] known = unwrapped.get(name);
        if (known != null) {
            return known;
        }
        Secret secret = em.find(Secret.class, name);
        if (secret == null) {
            try {
                creation.createSecret(name);
            } catch (RuntimeException e) {
                // another instance created it first: read theirs below
            }
            secret = em.find(Secret.class, name);
            if (secret == null) {
                throw new IllegalStateException("The consent key " + name + " could not be created");
            }
        }
        byte[] raw = KeyWrap.unwrap(masterKey.ring().key(secret.kekId()), name, secret.wrapped()).getEncoded();
        unwrapped.put(name, raw);
        return raw;
    }
}
