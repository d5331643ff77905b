package org.steward.platform.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.steward.platform.crypto.api.UnreadableCiphertextException;

class AeadTest {

    private static final byte[] PLAINTEXT = "alice@example.com".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "subject-1/email".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key = Aead.newKey();

    @Test
    void roundTrips() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AAD);

        assertThat(sealed).isNotEqualTo(PLAINTEXT);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("alice");
        // version(1) | nonce(12) | ciphertext | tag(16)
        assertThat(sealed).hasSize(1 + 12 + PLAINTEXT.length + 16);
        assertThat(Aead.decrypt(key, sealed, AAD)).isEqualTo(PLAINTEXT);
    }

    @Test
    void roundTripsTheEmptyPlaintext() {
        byte[] sealed = Aead.encrypt(key, new byte[0], AAD);

        assertThat(Aead.decrypt(key, sealed, AAD)).isEmpty();
    }

    @Test
    void theSamePlaintextEncryptsDifferentlyEachTime() {
        byte[] first = Aead.encrypt(key, PLAINTEXT, AAD);
        byte[] second = Aead.encrypt(key, PLAINTEXT, AAD);

        assertThat(first).isNotEqualTo(second);
        // The nonces (bytes 1..12) differ, not only the rest.
        assertThat(java.util.Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(java.util.Arrays.copyOfRange(second, 1, 13));
        assertThat(Aead.decrypt(key, first, AAD)).isEqualTo(Aead.decrypt(key, second, AAD));
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AAD);
        for (int i : new int[] {1, 12, 13, sealed.length - 1}) { // nonce, body and tag
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> Aead.decrypt(key, tampered, AAD))
                    .as("byte %d flipped", i)
                    .isInstanceOf(UnreadableCiphertextException.class);
        }
    }

    @Test
    void aTruncatedOrForeignMessageDoesNotDecrypt() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AAD);
        byte[] wrongVersion = sealed.clone();
        wrongVersion[0] = 2;

        assertThatThrownBy(() -> Aead.decrypt(key, wrongVersion, AAD)).isInstanceOf(UnreadableCiphertextException.class);
        assertThatThrownBy(() -> Aead.decrypt(key, java.util.Arrays.copyOf(sealed, 20), AAD))
                .isInstanceOf(UnreadableCiphertextException.class);
        assertThatThrownBy(() -> Aead.decrypt(key, null, AAD)).isInstanceOf(UnreadableCiphertextException.class);
    }

    @Test
    void aWrongKeyDoesNotDecrypt() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AAD);

        assertThatThrownBy(() -> Aead.decrypt(Aead.newKey(), sealed, AAD))
                .isInstanceOf(UnreadableCiphertextException.class);
    }

    @Test
    void wrongAssociatedDataDoesNotDecrypt() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AAD);

        assertThatThrownBy(() -> Aead.decrypt(key, sealed, "subject-2/email".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableCiphertextException.class);
        assertThatThrownBy(() -> Aead.decrypt(key, sealed, new byte[0]))
                .isInstanceOf(UnreadableCiphertextException.class);
    }

    @Test
    void keysAreAes256() {
        assertThat(Aead.newKey().getEncoded()).hasSize(32);
        assertThat(Aead.newKey().getAlgorithm()).isEqualTo("AES");
        assertThat(Aead.newKey().getEncoded()).isNotEqualTo(Aead.newKey().getEncoded());
        assertThatThrownBy(() -> Aead.key(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
