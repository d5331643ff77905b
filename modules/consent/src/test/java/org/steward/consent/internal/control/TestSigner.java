package org.steward.consent.internal.control;

import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.steward.platform.crypto.api.PublicSigningKey;
import org.steward.platform.crypto.api.Signer;
import org.steward.platform.crypto.internal.Ed25519;

/** A Signer with one Ed25519 key pair (or only its public half, for fixtures signed elsewhere). */
final class TestSigner implements Signer {

    private final String keyId;
    private final String spki;
    private final PublicKey publicKey;
    private final Ed25519.SigningKey privateKey;

    private TestSigner(String keyId, String spki, Ed25519.SigningKey privateKey) {
        this.keyId = keyId;
        this.spki = spki;
        this.publicKey = Ed25519.publicKey(Base64.getDecoder().decode(spki));
        this.privateKey = privateKey;
    }

    static TestSigner generated(String keyId) {
        Ed25519.Generated pair = Ed25519.generate();
        return new TestSigner(keyId, Base64.getEncoder().encodeToString(pair.publicKeySpki()),
                Ed25519.signingKey(pair.seed()));
    }

    static TestSigner verifyingOnly(String keyId, String spki) {
        return new TestSigner(keyId, spki, null);
    }

    @Override
    public Signature sign(String id, String text) {
        if (privateKey == null || !keyId.equals(id)) {
            throw new IllegalStateException("this signer cannot sign with " + id);
        }
        return new Signature(id, ALGORITHM, Ed25519.sign(privateKey, text));
    }

    @Override
    public boolean verify(String id, String text, String signature) {
        return keyId.equals(id) && Ed25519.verify(publicKey, text, signature);
    }

    @Override
    public PublicSigningKey key(String id) {
        return existing(id).orElseThrow();
    }

    @Override
    public Optional<PublicSigningKey> existing(String id) {
        return keyId.equals(id) ? Optional.of(new PublicSigningKey(id, ALGORITHM, spki, OffsetDateTime.now()))
                : Optional.empty();
    }

    @Override
    public List<PublicSigningKey> publicKeys() {
        return List.of(key(keyId));
    }
}
