package org.steward.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.crypto.api.UnreadableCiphertextException;
import org.steward.platform.crypto.internal.Aead;
import org.steward.platform.crypto.internal.AeadCipher;
import org.steward.platform.crypto.internal.DataKey;
import org.steward.platform.crypto.internal.Ed25519;
import org.steward.platform.crypto.internal.KeyWrap;
import org.steward.platform.kernel.api.DataKeyId;

/** Crypto-shredding: once a data key is destroyed, a ciphertext copied before cannot be decrypted by anyone. */
class CryptoShreddingTest {

    @Test
    void aCiphertextCopiedBeforeTheKeyIsDestroyedCannotBeDecryptedAfter() {
        SecretKey master = Aead.newKey();
        DataKeyId id = new DataKeyId(UUID.randomUUID());
        SecretKey dek = Aead.newKey();
        DataKey stored = new DataKey(id, "kek", KeyWrap.wrap(master, id.asString(), dek),
                OffsetDateTime.parse("2026-12-01T10:00:00Z"));
        byte[] copy = new AeadCipher(id, dek).encrypt("email", "someone@example.org");
        // Before: what is stored unwraps to the key that reads the copy.
        SecretKey unwrapped = KeyWrap.unwrap(master, id.asString(), stored.wrapped());
        assertThat(new AeadCipher(id, unwrapped).decrypt("email", copy)).isEqualTo("someone@example.org");

        stored.destroy(OffsetDateTime.parse("2026-12-02T10:00:00Z"));
        assertThat(stored.destroyed()).isTrue();
        assertThatThrownBy(stored::wrapped).isInstanceOf(UnreadableCiphertextException.class);
        // No other key reads it either: not a fresh key, not the master key.
        assertThatThrownBy(() -> new AeadCipher(id, Aead.newKey()).decrypt("email", copy))
                .isInstanceOf(UnreadableCiphertextException.class);
        assertThatThrownBy(() -> new AeadCipher(id, master).decrypt("email", copy))
                .isInstanceOf(UnreadableCiphertextException.class);
    }

    @Test
    void signaturesVerifyOnlyUnchangedText() {
        Ed25519.Generated pair = Ed25519.generate();
        String sig = Ed25519.sign(Ed25519.signingKey(pair.seed()), "text");
        assertThat(Ed25519.verify(Ed25519.publicKey(pair.publicKeySpki()), "text", sig)).isTrue();
        assertThat(Ed25519.verify(Ed25519.publicKey(pair.publicKeySpki()), "text!", sig)).isFalse();
        assertThat(Ed25519.verify(Ed25519.publicKey(pair.publicKeySpki()), "text", "not-base64!")).isFalse();
    }
}
