package org.steward.platform.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.crypto.api.UnreadableCiphertextException;
import org.steward.platform.kernel.api.DataKeyId;

class KeyWrapTest {

    private final SecretKey kek = Aead.newKey();
    private final SecretKey dek = Aead.newKey();

    @Test
    void wrapsAndUnwraps() {
        byte[] wrapped = KeyWrap.wrap(kek, "key-a", dek);

        assertThat(wrapped).isNotEqualTo(dek.getEncoded());
        SecretKey unwrapped = KeyWrap.unwrap(kek, "key-a", wrapped);
        assertThat(unwrapped.getEncoded()).isEqualTo(dek.getEncoded());
        assertThat(unwrapped.getAlgorithm()).isEqualTo("AES");
    }

    @Test
    void aKeyWrappedForOneIdDoesNotUnwrapAsAnother() {
        byte[] wrapped = KeyWrap.wrap(kek, "key-a", dek);

        assertThatThrownBy(() -> KeyWrap.unwrap(kek, "key-b", wrapped))
                .isInstanceOf(UnreadableCiphertextException.class);
    }

    @Test
    void aWrappedKeyDoesNotUnwrapUnderAnotherKek() {
        byte[] wrapped = KeyWrap.wrap(kek, "key-a", dek);

        assertThatThrownBy(() -> KeyWrap.unwrap(Aead.newKey(), "key-a", wrapped))
                .isInstanceOf(UnreadableCiphertextException.class);
    }

    @Test
    void rewrappingUnderANewKekPreservesTheDataKey() {
        SecretKey newKek = Aead.newKey();
        byte[] wrapped = KeyWrap.wrap(kek, "key-a", dek);

        byte[] rewrapped = KeyWrap.rewrap(kek, newKek, "key-a", wrapped);

        assertThat(rewrapped).isNotEqualTo(wrapped);
        assertThat(KeyWrap.unwrap(newKek, "key-a", rewrapped).getEncoded()).isEqualTo(dek.getEncoded());
        assertThatThrownBy(() -> KeyWrap.unwrap(kek, "key-a", rewrapped))
                .isInstanceOf(UnreadableCiphertextException.class);
        assertThatThrownBy(() -> KeyWrap.unwrap(newKek, "key-b", rewrapped))
                .isInstanceOf(UnreadableCiphertextException.class);
    }

    @Test
    void dataEncryptedBeforeARewrapStillDecryptsAfterIt() {
        KeyedCipher before = new AeadCipher(DataKeyId.of("00000000-0000-0000-0000-000000000001"), dek);
        byte[] ciphertext = before.encrypt("email", "alice@example.com");
        SecretKey newKek = Aead.newKey();
        byte[] rewrapped = KeyWrap.rewrap(kek, newKek, "k", KeyWrap.wrap(kek, "k", dek));

        KeyedCipher after = new AeadCipher(before.keyId(), KeyWrap.unwrap(newKek, "k", rewrapped));

        assertThat(after.decrypt("email", ciphertext)).isEqualTo("alice@example.com");
    }

    @Test
    void rewrappingWithTheWrongOldKekFailsAndChangesNothing() {
        byte[] wrapped = KeyWrap.wrap(kek, "key-a", dek);

        assertThatThrownBy(() -> KeyWrap.rewrap(Aead.newKey(), Aead.newKey(), "key-a", wrapped))
                .isInstanceOf(UnreadableCiphertextException.class);
    }
}
