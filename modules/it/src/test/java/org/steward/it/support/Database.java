package org.steward.it.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The database a test server runs on. With {@code STEWARD_DB_URL} set (CI: PostgreSQL) every database is a fresh
 * PostgreSQL database created beside it; otherwise a fresh H2 file, opened in mixed mode so that tests can read it
 * while the server runs.
 */
public record Database(String url, String user, String password, String driver) {

    public static Database fresh(String name) {
        String base = System.getenv("STEWARD_DB_URL");
        String suffix = name + "_" + UUID.randomUUID().toString().substring(0, 8);
        if (base != null && base.startsWith("jdbc:postgresql:")) {
            String user = env("STEWARD_DB_USER", "postgres");
            String password = env("STEWARD_DB_PASSWORD", "");
            try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + suffix);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + suffix, e);
            }
            int slash = base.lastIndexOf('/');
            int query = base.indexOf('?', slash);
            String url = base.substring(0, slash + 1) + suffix + (query < 0 ? "" : base.substring(query));
            return new Database(url, user, password, "org.postgresql.ds.PGSimpleDataSource");
        }
        return h2At(suffix);
    }

    /** A fresh embedded H2 database, whatever the suite runs on: for tests that must also cover the default. */
    public static Database h2(String name) {
        return h2At(name + "_" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Whether fresh databases are PostgreSQL ones (STEWARD_DB_URL names one, as in CI). */
    public static boolean postgresConfigured() {
        String base = System.getenv("STEWARD_DB_URL");
        return base != null && base.startsWith("jdbc:postgresql:");
    }

    private static Database h2At(String suffix) {
        Path file = Path.of(System.getProperty("steward.work", "target/work")).toAbsolutePath().resolve(suffix)
                .resolve("steward");
        return new Database("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE", "steward", "steward", "org.h2.jdbcx.JdbcDataSource");
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public Map<String, String> environment() {
        return Map.of("STEWARD_DB_URL", url, "STEWARD_DB_USER", user, "STEWARD_DB_PASSWORD", password,
                "STEWARD_DB_DRIVER", driver);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
