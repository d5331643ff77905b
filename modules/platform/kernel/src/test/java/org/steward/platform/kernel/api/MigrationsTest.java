package org.steward.platform.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flyway is skipped for a module only when its history holds exactly the migrations on the class path; any change
 * still goes through Flyway, with its validation. On H2, with the migrations in a directory and in a JAR.
 */
class MigrationsTest {

    private static final String FOLDER = "demo";
    // A byte-order mark and CRLF line ends in one script, non-ASCII text and no final line break in another:
    // the checksum must be Flyway's for all of them.
    private static final String V1 = "\uFEFFCREATE TABLE demo_a (id INT PRIMARY KEY);\r\nINSERT INTO demo_a VALUES (1);\r\n";
    private static final String V2 = "-- Zürich, Łódź\nCREATE TABLE demo_b (id INT PRIMARY KEY)";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aMigratedModuleIsUpToDateAndAChangedOneIsNot(boolean jar) throws Exception {
        JdbcDataSource db = database();
        write("V1__first.sql", V1);
        write("V2__second_one.sql", V2);
        try (URLClassLoader cl = loader(jar)) {
            assertThat(Migrations.upToDate(db, cl, FOLDER)).as("no history table yet").isFalse();
            assertThat(Migrations.migrate(db, cl)).isEqualTo(2);
            assertThat(Migrations.upToDate(db, cl, FOLDER)).isTrue();
            assertThat(MigrationFiles.available(cl, FOLDER)).get().isEqualTo(applied(db));
            assertThat(Migrations.migrate(db, cl)).isZero();
        }

        write("V3__third.sql", "CREATE TABLE demo_c (id INT PRIMARY KEY);\n");
        try (URLClassLoader cl = loader(jar)) {
            assertThat(Migrations.upToDate(db, cl, FOLDER)).as("a new migration").isFalse();
            assertThat(Migrations.migrate(db, cl)).isEqualTo(1);
            assertThat(Migrations.upToDate(db, cl, FOLDER)).isTrue();
        }

        write("V2__second_one.sql", V2 + ";\n-- edited after it was applied\n");
        try (URLClassLoader cl = loader(jar)) {
            assertThat(Migrations.upToDate(db, cl, FOLDER)).as("an edited migration").isFalse();
            // Flyway runs, and its validation refuses the edit as before
            assertThatThrownBy(() -> Migrations.migrate(db, cl)).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("checksum mismatch");
        }
    }

    @Test
    void aRenamedOrUnusualMigrationIsLeftToFlyway() throws Exception {
        JdbcDataSource db = database();
        write("V1__first.sql", V1);
        try (URLClassLoader cl = loader(false)) {
            Migrations.migrate(db, cl);
            assertThat(Migrations.upToDate(db, cl, FOLDER)).isTrue();
        }
        Files.move(dir.resolve("classes/db/migration/demo/V1__first.sql"),
                dir.resolve("classes/db/migration/demo/V1__renamed.sql"));
        try (URLClassLoader cl = loader(false)) {
            assertThat(Migrations.upToDate(db, cl, FOLDER)).as("renamed").isFalse();
        }
        Files.move(dir.resolve("classes/db/migration/demo/V1__renamed.sql"),
                dir.resolve("classes/db/migration/demo/V1__first.sql"));
        write("R__view.sql", "CREATE OR REPLACE VIEW demo_v AS SELECT * FROM demo_a;\n");
        try (URLClassLoader cl = loader(false)) {
            assertThat(MigrationFiles.available(cl, FOLDER)).as("a repeatable migration").isEmpty();
            assertThat(Migrations.upToDate(db, cl, FOLDER)).isFalse();
        }
    }

    @Test
    void aFailedMigrationIsNeverUpToDate() throws Exception {
        JdbcDataSource db = database();
        write("V1__first.sql", V1);
        write("V2__broken.sql", "CREATE TABLE demo_b (id INT PRIMARY KEY);\nTHIS IS NOT SQL;\n");
        try (URLClassLoader cl = loader(false)) {
            assertThatThrownBy(() -> Migrations.migrate(db, cl)).isInstanceOf(FlywayException.class);
            assertThat(Migrations.upToDate(db, cl, FOLDER)).isFalse();
        }
    }

    private JdbcDataSource database() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return db;
    }

    private java.util.Set<MigrationFiles.Migration> applied(JdbcDataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            return MigrationFiles.applied(c, "demo_schema_history").orElseThrow();
        }
    }

    private void write(String file, String text) throws IOException {
        Path p = dir.resolve("classes/db/migration/" + FOLDER + "/" + file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Path descriptor = dir.resolve("classes/" + StewardModule.DESCRIPTOR);
        Files.createDirectories(descriptor.getParent());
        Files.writeString(descriptor, "name=zz-demo\nmigrations=" + FOLDER + "\n");
    }

    /** The class path as a directory, or as a JAR of it (with directory entries, as Maven builds them). */
    private URLClassLoader loader(boolean jar) throws IOException {
        Path classes = dir.resolve("classes");
        if (!jar) {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        }
        Path file = dir.resolve("demo-" + UUID.randomUUID() + ".jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream j = new JarOutputStream(out);
             var paths = Files.walk(classes)) {
            for (Path p : paths.sorted().toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                j.putNextEntry(new JarEntry(Files.isDirectory(p) ? name + "/" : name));
                if (!Files.isDirectory(p)) {
                    j.write(Files.readAllBytes(p));
                }
                j.closeEntry();
            }
        }
        return new URLClassLoader(new URL[] {file.toUri().toURL()}, getClass().getClassLoader());
    }
}
