package org.steward.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

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
}
