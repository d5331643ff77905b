package org.steward.platform.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {

    private static final String ALIAS = "steward-kek";

    @TempDir
    Path dir;

    private static String base64(SecretKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    @Test
    void aBase64KeyInConfigurationWinsOverEverythingElse() throws Exception {
        SecretKey configured = Aead.newKey();
        Path keystore = keystore(Aead.newKey(), "secret");
        Path dataDir = dir.resolve("data");

        MasterKeySource.Resolved resolved = MasterKeySource.resolve(Optional.of("  " + base64(configured) + "\n"),
                Optional.of(keystore.toString()), Optional.of("secret"), ALIAS, dataDir);

        assertThat(resolved.key().getEncoded()).isEqualTo(configured.getEncoded());
        assertThat(resolved.origin()).isEqualTo("configuration");
        assertThat(resolved.generated()).isFalse();
        assertThat(resolved.id()).isEqualTo(MasterKeySource.fingerprint(configured)).hasSize(16);
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void invalidBase64FailsClearly() {
        assertThatThrownBy(() -> MasterKeySource.resolve(Optional.of("not base64!!"), Optional.empty(),
                Optional.empty(), ALIAS, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("steward.crypto.master-key")
                .hasMessageContaining("not base64");
    }

    @Test
    void aKeyOfTheWrongLengthFailsClearly() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKeySource.resolve(Optional.of(sixteenBytes), Optional.empty(),
                Optional.empty(), ALIAS, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("steward.crypto.master-key")
                .hasMessageContaining("32 bytes")
                .hasMessageContaining("not 16");
    }

    @Test
    void aBlankConfiguredKeyIsIgnored() {
        MasterKeySource.Resolved resolved = MasterKeySource.resolve(Optional.of("   "), Optional.of(""),
                Optional.empty(), ALIAS, dir);

        assertThat(resolved.generated()).isTrue();
    }

    @Test
    void withNothingConfiguredAKeyFileIsGeneratedOnceAndThenReRead() throws Exception {
        Path dataDir = dir.resolve("nested/data");

        MasterKeySource.Resolved first = MasterKeySource.resolve(Optional.empty(), Optional.empty(),
                Optional.empty(), ALIAS, dataDir);

        Path file = dataDir.resolve("master.key");
        assertThat(file).isRegularFile();
        assertThat(first.generated()).isTrue();
        assertThat(first.origin()).contains("generated").contains(file.toString());
        assertThat(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()))
                .isEqualTo(first.key().getEncoded());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }

        MasterKeySource.Resolved second = MasterKeySource.resolve(Optional.empty(), Optional.empty(),
                Optional.empty(), ALIAS, dataDir);

        assertThat(second.generated()).isFalse();
        assertThat(second.origin()).isEqualTo("file " + file);
        assertThat(second.key().getEncoded()).isEqualTo(first.key().getEncoded());
        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void theGeneratedFileIsPrivateOnPosix() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));

        MasterKeySource.resolve(Optional.empty(), Optional.empty(), Optional.empty(), ALIAS, dir);

        assertThat(Files.getPosixFilePermissions(dir.resolve("master.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aCorruptKeyFileFailsClearly() throws Exception {
        Files.writeString(dir.resolve("master.key"), Base64.getEncoder().encodeToString(new byte[10]));

        assertThatThrownBy(() -> MasterKeySource.resolve(Optional.empty(), Optional.empty(), Optional.empty(),
                ALIAS, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master.key")
                .hasMessageContaining("not 10");
    }

    @Test
    void readsAnAesKeyFromAPkcs12Keystore() throws Exception {
        SecretKey stored = Aead.newKey();
        Path keystore = keystore(stored, "s3cret");

        MasterKeySource.Resolved resolved = MasterKeySource.resolve(Optional.empty(), Optional.of(keystore.toString()),
                Optional.of("s3cret"), ALIAS, dir.resolve("data"));

        assertThat(resolved.key().getEncoded()).isEqualTo(stored.getEncoded());
        assertThat(resolved.origin()).isEqualTo("keystore");
        assertThat(resolved.generated()).isFalse();
        assertThat(resolved.id()).isEqualTo(MasterKeySource.fingerprint(stored));
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aKeystoreWithoutTheAliasFailsClearly() throws Exception {
        Path keystore = keystore(Aead.newKey(), "s3cret");

        assertThatThrownBy(() -> MasterKeySource.resolve(Optional.empty(), Optional.of(keystore.toString()),
                Optional.of("s3cret"), "other-alias", dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("other-alias");
    }

    @Test
    void aWrongKeystorePasswordFails() throws Exception {
        Path keystore = keystore(Aead.newKey(), "s3cret");

        assertThatThrownBy(() -> MasterKeySource.resolve(Optional.empty(), Optional.of(keystore.toString()),
                Optional.of("wrong"), ALIAS, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keystore.toString());
    }

    @Test
    void fingerprintsDifferBetweenKeysAndAreStable() {
        SecretKey key = Aead.newKey();

        assertThat(MasterKeySource.fingerprint(key)).isEqualTo(MasterKeySource.fingerprint(Aead.key(key.getEncoded())))
                .matches("[0-9a-f]{16}")
                .isNotEqualTo(MasterKeySource.fingerprint(Aead.newKey()));
    }

    private Path keystore(SecretKey key, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setEntry(ALIAS, new KeyStore.SecretKeyEntry(key),
                new KeyStore.PasswordProtection(password.toCharArray()));
        Path file = Files.createTempFile(dir, "kek", ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
