package org.steward.platform.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.steward.platform.crypto.api.Crypto;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.crypto.api.UnreadableCiphertextException;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.Ids;

class DataKeyTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-12-01T10:00:00Z");
    private static final OffsetDateTime DESTROYED = CREATED.plusDays(1);

    private final SecretKey kek = Aead.newKey();
    private final DataKeyId id = new DataKeyId(Ids.newId());

    @Test
    void aLiveKeyGivesItsWrappedBytes() {
        byte[] wrapped = KeyWrap.wrap(kek, id.asString(), Aead.newKey());
        DataKey key = new DataKey(id, "kek-1", wrapped, CREATED);

        assertThat(key.destroyed()).isFalse();
        assertThat(key.wrapped()).isEqualTo(wrapped);
        assertThat(key.id()).isEqualTo(id);
        assertThat(key.kekId()).isEqualTo("kek-1");
        assertThat(key.destroyedAt()).isNull();
    }

    @Test
    void afterDestroyTheWrappedBytesAreGone() {
        DataKey key = new DataKey(id, "kek-1", KeyWrap.wrap(kek, id.asString(), Aead.newKey()), CREATED);

        key.destroy(DESTROYED);

        assertThat(key.destroyed()).isTrue();
        assertThat(key.destroyedAt()).isNotNull().isEqualTo(DESTROYED);
        assertThat(key.kekId()).isNull();
        assertThatThrownBy(key::wrapped)
                .isInstanceOf(UnreadableCiphertextException.class)
                .hasMessageContaining(id.asString());
    }

    /** Crypto-shredding: once the wrapped DEK is gone, a surviving ciphertext is unreadable with any key we have. */
    @Test
    void destroyingTheDataKeyShredsEveryCiphertextMadeUnderIt() {
        SecretKey dek = Aead.newKey();
        byte[] ciphertext = new AeadCipher(id, dek).encrypt("email", "alice@example.com");
        DataKey stored = new DataKey(id, "kek-1", KeyWrap.wrap(kek, id.asString(), dek), CREATED);
        dek = null; // the application only keeps the wrapped form

        // Before destruction the ciphertext is readable through the stored key.
        KeyedCipher live = new AeadCipher(id, KeyWrap.unwrap(kek, id.asString(), stored.wrapped()));
        assertThat(live.decrypt("email", ciphertext)).isEqualTo("alice@example.com");

        stored.destroy(DESTROYED);

        // The DEK cannot be recovered any more ...
        assertThatThrownBy(() -> KeyWrap.unwrap(kek, id.asString(), stored.wrapped()))
                .isInstanceOf(UnreadableCiphertextException.class);
        // ... the master key itself does not open the ciphertext ...
        assertThatThrownBy(() -> new AeadCipher(id, kek).decrypt("email", ciphertext))
                .isInstanceOf(UnreadableCiphertextException.class);
        // ... nor does any freshly made key.
        for (int i = 0; i < 20; i++) {
            KeyedCipher guess = new AeadCipher(id, Aead.newKey());
            assertThatThrownBy(() -> guess.decrypt("email", ciphertext))
                    .isInstanceOf(UnreadableCiphertextException.class);
        }
    }
}
