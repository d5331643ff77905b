package org.steward.platform.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Where the master key (KEK) comes from, in order: a base64 key in configuration (an environment variable in
 * production), a PKCS12 keystore, or, for the embedded default only, a key file generated under the data directory.
 */
public final class MasterKeySource {

    /** The resolved key, its fingerprint (stored beside every wrapped key) and how it was obtained. */
    public record Resolved(SecretKey key, String id, String origin, boolean generated) {
    }

    private MasterKeySource() {
    }

    public static Resolved resolve(Optional<String> base64Key, Optional<String> keystorePath,
                                   Optional<String> keystorePassword, String keystoreAlias, Path dataDir) {
        if (base64Key.filter(s -> !s.isBlank()).isPresent()) {
            return resolved(decode(base64Key.get().trim(), "steward.crypto.master-key"), "configuration", false);
        }
        if (keystorePath.filter(s -> !s.isBlank()).isPresent()) {
            return resolved(fromKeystore(Path.of(keystorePath.get()), keystorePassword.orElse(""), keystoreAlias),
                    "keystore", false);
        }
        Path file = dataDir.resolve("master.key");
        try {
            if (Files.exists(file)) {
                return resolved(decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString()),
                        "file " + file, false);
            }
            Files.createDirectories(dataDir);
            SecretKey key = Aead.newKey();
            Files.writeString(file, Base64.getEncoder().encodeToString(key.getEncoded()), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the file stays with the directory's permissions.
            }
            return resolved(key, "generated file " + file, true);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the master key file " + file, e);
        }
    }

    public static String fingerprint(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Resolved resolved(SecretKey key, String origin, boolean generated) {
        return new Resolved(key, fingerprint(key), origin, generated);
    }

    private static SecretKey decode(String base64, String where) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key in " + where + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("The master key in " + where + " must be 32 bytes (AES-256), not "
                    + raw.length);
        }
        return Aead.key(raw);
    }

    private static SecretKey fromKeystore(Path path, String password, String alias) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            var key = store.getKey(alias, password.toCharArray());
            if (!(key instanceof SecretKey secret) || secret.getEncoded().length != 32) {
                throw new IllegalStateException("Keystore " + path + " has no AES-256 secret key under alias " + alias);
            }
            return Aead.key(secret.getEncoded());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the master key from keystore " + path, e);
        }
    }
}
