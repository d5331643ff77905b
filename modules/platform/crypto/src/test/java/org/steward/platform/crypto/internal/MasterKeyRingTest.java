package org.steward.platform.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyRingTest {

    private static final String ALIAS = "steward-kek";

    @TempDir
    Path dir;

    private static String base64(SecretKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static MasterKeySource.Resolved configured(SecretKey key, Path dataDir) {
        return MasterKeySource.resolve(Optional.of(base64(key)), Optional.empty(), Optional.empty(), ALIAS, dataDir);
    }

    @Test
    void aConfiguredRingHasTheCurrentKeyAndEveryListedPreviousKey() {
        SecretKey current = Aead.newKey();
        SecretKey old1 = Aead.newKey();
        SecretKey old2 = Aead.newKey();

        MasterKeyRing ring = MasterKeySource.ring(configured(current, dir),
                Optional.of(" " + base64(old1) + " ,," + base64(old2) + "\n"), dir);

        assertThat(ring.currentId()).isEqualTo(MasterKeySource.fingerprint(current));
        assertThat(ring.previousIds()).containsExactly(MasterKeySource.fingerprint(old1),
                MasterKeySource.fingerprint(old2));
        assertThat(ring.key(MasterKeySource.fingerprint(old2)).getEncoded()).isEqualTo(old2.getEncoded());
        assertThat(ring.key(ring.currentId()).getEncoded()).isEqualTo(current.getEncoded());
        assertThat(ring.knows(MasterKeySource.fingerprint(old1))).isTrue();
    }

    @Test
    void theCurrentKeyListedAsPreviousTooIsOnlyCurrent() {
        SecretKey current = Aead.newKey();

        MasterKeyRing ring = MasterKeySource.ring(configured(current, dir), Optional.of(base64(current)), dir);

        assertThat(ring.previousIds()).isEmpty();
    }

    @Test
    void anUnknownKekIdFailsNamingWhatToConfigure() {
        MasterKeyRing ring = MasterKeySource.ring(configured(Aead.newKey(), dir), Optional.empty(), dir);

        assertThat(ring.knows("0123456789abcdef")).isFalse();
        assertThatThrownBy(() -> ring.key("0123456789abcdef"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0123456789abcdef")
                .hasMessageContaining("STEWARD_CRYPTO_PREVIOUS_MASTER_KEYS");
    }

    @Test
    void anInvalidPreviousKeyFailsNamingTheSetting() {
        assertThatThrownBy(() -> MasterKeySource.ring(configured(Aead.newKey(), dir), Optional.of("nope!"), dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("steward.crypto.previous-master-keys");
    }

    @Test
    void anEmbeddedRotationWritesANewKeyFileAndKeepsTheOldOneAsPrevious() throws Exception {
        MasterKeySource.Resolved first = MasterKeySource.resolve(Optional.empty(), Optional.empty(),
                Optional.empty(), ALIAS, dir);
        MasterKeyRing ring = MasterKeySource.ring(first, Optional.empty(), dir);
        assertThat(first.embedded()).isTrue();
        assertThat(ring.previousIds()).isEmpty();

        MasterKeySource.Resolved second = MasterKeySource.rotateEmbedded(first, dir);
        MasterKeyRing rotated = ring.rotatedTo(second);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(rotated.currentId()).isEqualTo(second.id());
        assertThat(rotated.previousIds()).containsExactly(first.id());
        assertThat(dir.resolve("previous-master-" + first.id() + ".key")).isRegularFile();
        assertThat(dir.resolve("master.key.next")).doesNotExist();

        // A restart finds the same ring on disk.
        MasterKeySource.Resolved reread = MasterKeySource.resolve(Optional.empty(), Optional.empty(),
                Optional.empty(), ALIAS, dir);
        MasterKeyRing again = MasterKeySource.ring(reread, Optional.empty(), dir);
        assertThat(again.currentId()).isEqualTo(second.id());
        assertThat(again.previousIds()).containsExactly(first.id());
        assertThat(again.key(first.id()).getEncoded()).isEqualTo(first.key().getEncoded());

        MasterKeySource.Resolved third = MasterKeySource.rotateEmbedded(reread, dir);
        assertThat(MasterKeySource.ring(third, Optional.empty(), dir).previousIds())
                .containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    void aConfiguredDeploymentIgnoresKeyFilesAndCannotRotateByItself() throws Exception {
        SecretKey stray = Aead.newKey();
        Files.writeString(dir.resolve("previous-master-" + MasterKeySource.fingerprint(stray) + ".key"),
                base64(stray));
        MasterKeySource.Resolved current = configured(Aead.newKey(), dir);

        assertThat(current.embedded()).isFalse();
        assertThat(MasterKeySource.ring(current, Optional.empty(), dir).previousIds()).isEmpty();
        assertThatThrownBy(() -> MasterKeySource.rotateEmbedded(current, dir))
                .isInstanceOf(IllegalStateException.class);
    }
}
