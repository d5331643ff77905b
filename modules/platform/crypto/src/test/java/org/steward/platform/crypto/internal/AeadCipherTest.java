package org.steward.platform.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.crypto.api.UnreadableCiphertextException;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.Ids;

class AeadCipherTest {

    private final KeyedCipher cipher = new AeadCipher(new DataKeyId(Ids.newId()), Aead.newKey());

    @Test
    void roundTripsAField() {
        byte[] sealed = cipher.encrypt("email", "alice@example.com");

        assertThat(cipher.decrypt("email", sealed)).isEqualTo("alice@example.com");
        assertThat(cipher.decrypt("email", cipher.encrypt("email", "Zoë 😀"))).isEqualTo("Zoë 😀");
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.encrypt("email", null)).isNull();
        assertThat(cipher.decrypt("email", null)).isNull();
    }

    @Test
    void aCiphertextMovedToAnotherFieldDoesNotDecrypt() {
        byte[] sealed = cipher.encrypt("email", "alice@example.com");

        assertThatThrownBy(() -> cipher.decrypt("username", sealed))
                .isInstanceOf(UnreadableCiphertextException.class);
    }

    @Test
    void aCiphertextMovedToAnotherOwnerDoesNotDecryptEvenUnderTheSameKey() {
        var dek = Aead.newKey();
        KeyedCipher owner = new AeadCipher(new DataKeyId(Ids.newId()), dek);
        KeyedCipher other = new AeadCipher(new DataKeyId(Ids.newId()), dek);
        byte[] sealed = owner.encrypt("email", "alice@example.com");

        assertThatThrownBy(() -> other.decrypt("email", sealed))
                .isInstanceOf(UnreadableCiphertextException.class);
    }
}
