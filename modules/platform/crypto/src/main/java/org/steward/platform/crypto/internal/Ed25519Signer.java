package org.steward.platform.crypto.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.steward.platform.crypto.api.PublicSigningKey;
import org.steward.platform.crypto.api.Signer;

/**
 * The server's signature, for documents that third parties must be able to check (erasure certificates): Ed25519,
 * one key pair per key id, created on first use. The private seed is a platform secret wrapped by the master key;
 * the public key is published ({@link #publicKeys()}). Modules sign with their own key id, so a key can be retired
 * per use.
 */
@ApplicationScoped
public class Ed25519Signer implements Signer {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    SignerKeys creation;

    private final Map<String, Ed25519.SigningKey> privateKeys = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();

    @Override
    public Signature sign(String keyId, String text) {
        return new Signature(keyId, Ed25519.ALGORITHM, Ed25519.sign(privateKey(keyId), text));
    }

    /** False for an unknown key id, a wrong algorithm or a signature that does not verify. */
    @Override
    public boolean verify(String keyId, String text, String signature) {
        PublicKey key = publicKey(keyId);
        return key != null && Ed25519.verify(key, text, signature);
    }

    /** The public half of a key, created on first use (before anything is signed with it, its key set is empty). */
    @Override
    public PublicSigningKey key(String keyId) {
        privateKey(keyId);
        return view(em.find(SigningKey.class, keyId));
    }

    @Override
    public Optional<PublicSigningKey> existing(String keyId) {
        return Optional.ofNullable(keyId == null ? null : em.find(SigningKey.class, keyId)).map(Ed25519Signer::view);
    }

    private static PublicSigningKey view(SigningKey k) {
        return new PublicSigningKey(k.keyId(), k.algorithm(), k.publicKey(), k.createdAt());
    }

    @Override
    public List<PublicSigningKey> publicKeys() {
        return em.createQuery("SELECT k FROM PlatformSigningKey k ORDER BY k.keyId", SigningKey.class)
                .getResultList().stream().map(Ed25519Signer::view).toList();
    }

    private PublicKey publicKey(String keyId) {
        if (keyId == null) {
            return null;
        }
        PublicKey known = publicKeys.get(keyId);
        if (known != null) {
            return known;
        }
        SigningKey row = em.find(SigningKey.class, keyId);
        if (row == null || !Ed25519.ALGORITHM.equals(row.algorithm())) {
            return null;
        }
        PublicKey key = Ed25519.publicKey(Base64.getDecoder().decode(row.publicKey()));
        publicKeys.put(keyId, key);
        return key;
    }

    private Ed25519.SigningKey privateKey(String keyId) {
        Ed25519.SigningKey known = privateKeys.get(keyId);
        if (known != null) {
            return known;
        }
        String name = secretName(keyId);
        Secret secret = em.find(Secret.class, name);
        if (secret == null) {
            try {
                creation.create(name, keyId);
            } catch (RuntimeException e) {
                // another instance created it first: read theirs below
            }
            secret = em.find(Secret.class, name);
            if (secret == null) {
                throw new IllegalStateException("The signing key " + keyId + " could not be created");
            }
        }
        byte[] seed = KeyWrap.unwrap(masterKey.ring().key(secret.kekId()), name, secret.wrapped()).getEncoded();
        Ed25519.SigningKey key = Ed25519.signingKey(seed);
        privateKeys.put(keyId, key);
        return key;
    }

    static String secretName(String keyId) {
        return "signing-" + keyId;
    }
}
