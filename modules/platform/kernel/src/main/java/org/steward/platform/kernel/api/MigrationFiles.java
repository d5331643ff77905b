package org.steward.platform.kernel.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A module's versioned SQL migrations as Flyway sees them (version, script name, Flyway's checksum), read straight
 * from the class path, and the same from its history table: when the two are equal, the module's schema is up to
 * date and Flyway, whose set-up costs far more than both reads, has nothing to do. Anything this reader does not
 * understand (a repeatable or Java migration, a sub-folder, an unusual class-path URL, a failed or missing history)
 * answers "unknown", and Flyway decides as before.
 */
final class MigrationFiles {

    /** One applied or available versioned migration. */
    record Migration(String version, String script, int checksum) {
    }

    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__[^/]+\\.sql");

    private MigrationFiles() {
    }

    /** The versioned migrations in {@code db/migration/<folder>} of every JAR or directory, if all are plain. */
    static Optional<Set<Migration>> available(ClassLoader classLoader, String folder) {
        String prefix = "db/migration/" + folder + "/";
        Set<Migration> found = new HashSet<>();
        try {
            for (URL url : Collections.list(classLoader.getResources("db/migration/" + folder))) {
                if (!read(url, prefix, found)) {
                    return Optional.empty();
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /** The successful versioned migrations recorded in a Flyway history table, if it exists and none failed. */
    static Optional<Set<Migration>> applied(Connection c, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a history table name: " + table);
        }
        Set<Migration> applied = new HashSet<>();
        try (ResultSet tables = c.getMetaData().getTables(null, null, table, null)) {
            if (!tables.next()) {
                return Optional.empty(); // a first start: asked first, so that the database logs no error
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement();
             // quoted as Flyway creates them: lower case in PostgreSQL and in H2 alike
             ResultSet rs = s.executeQuery("SELECT \"type\", \"version\", \"script\", \"checksum\", \"success\" FROM \""
                     + table + "\"")) {
            while (rs.next()) {
                if (!rs.getBoolean("success")) {
                    return Optional.empty();
                }
                if ("SQL".equals(rs.getString("type"))) {
                    applied.add(new Migration(rs.getString("version"), rs.getString("script"), rs.getInt("checksum")));
                }
            }
        } catch (SQLException e) {
            return Optional.empty(); // not a history table we can read
        }
        return Optional.of(applied);
    }

    /**
     * Flyway's checksum of a script (its {@code ChecksumCalculator}): a CRC-32 over the UTF-8 bytes of each line
     * without its line break, with a byte-order mark dropped from the first.
     */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        while (line != null) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            line = reader.readLine();
        }
        return (int) crc.getValue();
    }

    private static boolean read(URL url, String prefix, Set<Migration> found) throws IOException, URISyntaxException {
        if ("jar".equals(url.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (!name.startsWith(prefix) || name.length() == prefix.length()) {
                        continue;
                    }
                    String file = name.substring(prefix.length());
                    if (entry.isDirectory() || !add(file, found, () -> jar.getInputStream(entry))) {
                        return false;
                    }
                }
            }
            return true;
        }
        if ("file".equals(url.getProtocol())) {
            Path dir = Path.of(url.toURI());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    if (Files.isDirectory(p) || !add(p.getFileName().toString(), found, () -> Files.newInputStream(p))) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static boolean add(String file, Set<Migration> found, Opener opener) throws IOException {
        Matcher m = VERSIONED.matcher(file);
        if (!m.matches()) {
            return false;
        }
        try (InputStream in = opener.open()) {
            found.add(new Migration(m.group(1).replace('_', '.'), file, checksum(in)));
        }
        return true;
    }
}
