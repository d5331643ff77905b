package org.steward.platform.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.SecretKey;

/**
 * Where the master key (KEK) comes from, in order: a base64 key in configuration (an environment variable in
 * production), a PKCS12 keystore, or, for the embedded default only, a key file generated under the data directory.
 * Previous keys (still needed to unwrap what a rotation has not re-wrapped yet) come from configuration as
 * comma-separated base64, and on the embedded default also from {@code previous-master-<id>.key} files.
 */
public final class MasterKeySource {

    static final String KEY_FILE = "master.key";
    private static final String PREVIOUS_PREFIX = "previous-master-";
    private static final String PREVIOUS_SUFFIX = ".key";

    /**
     * The resolved key, its fingerprint (stored beside every wrapped key) and how it was obtained. {@code embedded}
     * means the key lives in a file in the data directory, which only the embedded default does.
     */
    public record Resolved(SecretKey key, String id, String origin, boolean generated, boolean embedded) {
    }

    private MasterKeySource() {
    }

    public static Resolved resolve(Optional<String> base64Key, Optional<String> keystorePath,
                                   Optional<String> keystorePassword, String keystoreAlias, Path dataDir) {
        if (base64Key.filter(s -> !s.isBlank()).isPresent()) {
            return resolved(decode(base64Key.get().trim(), "steward.crypto.master-key"), "configuration", false,
                    false);
        }
        if (keystorePath.filter(s -> !s.isBlank()).isPresent()) {
            return resolved(fromKeystore(Path.of(keystorePath.get()), keystorePassword.orElse(""), keystoreAlias),
                    "keystore", false, false);
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return resolved(decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString()),
                        "file " + file, false, true);
            }
            Files.createDirectories(dataDir);
            SecretKey key = Aead.newKey();
            writePrivate(file, key, StandardOpenOption.CREATE_NEW);
            return resolved(key, "generated file " + file, true, true);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the master key file " + file, e);
        }
    }

    /** The key ring: the current key plus every previous key from configuration and, on the embedded default, files. */
    public static MasterKeyRing ring(Resolved current, Optional<String> previousBase64, Path dataDir) {
        List<SecretKey> previous = new ArrayList<>();
        String csv = previousBase64.orElse("");
        for (String part : csv.split(",")) {
            if (!part.isBlank()) {
                previous.add(decode(part.trim(), "steward.crypto.previous-master-keys"));
            }
        }
        if (current.embedded()) {
            previous.addAll(previousFiles(dataDir));
        }
        return MasterKeyRing.of(current, previous);
    }

    /**
     * Embedded default only: makes a new current key file and keeps the old one as a previous key. The old key is
     * saved first, so a crash between the two steps leaves the old key current and nothing lost; the new key then
     * replaces {@code master.key} by an atomic rename.
     */
    public static Resolved rotateEmbedded(Resolved current, Path dataDir) {
        if (!current.embedded()) {
            throw new IllegalStateException("Only the embedded default keeps its master key in a file");
        }
        Path file = dataDir.resolve(KEY_FILE);
        Path previous = dataDir.resolve(PREVIOUS_PREFIX + current.id() + PREVIOUS_SUFFIX);
        Path next = dataDir.resolve(KEY_FILE + ".next");
        try {
            if (!Files.exists(previous)) {
                writePrivate(previous, current.key(), StandardOpenOption.CREATE_NEW);
            }
            SecretKey key = Aead.newKey();
            writePrivate(next, key, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return resolved(key, "generated file " + file, true, true);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the new master key file " + file, e);
        }
    }

    private static List<SecretKey> previousFiles(Path dataDir) {
        List<SecretKey> keys = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(PREVIOUS_PREFIX) && name.endsWith(PREVIOUS_SUFFIX)) {
                    keys.add(decode(Files.readString(f, StandardCharsets.US_ASCII).trim(), f.toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the previous master keys in " + dataDir, e);
        }
        return keys;
    }

    private static void writePrivate(Path file, SecretKey key, StandardOpenOption... options) throws IOException {
        try (FileChannel channel = FileChannel.open(file, union(options))) {
            channel.write(ByteBuffer.wrap(Base64.getEncoder().encodeToString(key.getEncoded())
                    .getBytes(StandardCharsets.US_ASCII)));
            // On disk before the rename that makes it current: a key lost to a crash makes data unreadable.
            channel.force(true);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file stays with the directory's permissions.
        }
    }

    private static Set<StandardOpenOption> union(StandardOpenOption... options) {
        Set<StandardOpenOption> set = new HashSet<>(List.of(options));
        set.add(StandardOpenOption.WRITE);
        return set;
    }

    public static String fingerprint(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Resolved resolved(SecretKey key, String origin, boolean generated, boolean embedded) {
        return new Resolved(key, fingerprint(key), origin, generated, embedded);
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
