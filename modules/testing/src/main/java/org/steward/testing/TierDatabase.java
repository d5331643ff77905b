package org.steward.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The database of one deployment. With {@code STEWARD_DB_URL} naming a PostgreSQL server (CI), a fresh PostgreSQL
 * database beside it; otherwise an in-memory H2 database in the deployment's own Payara Micro JVM (one JVM per test
 * class, so nothing is shared). The same rules as the black-box tier's {@code org.steward.it.support.Database}.
 */
public record TierDatabase(String url, String user, String password, String driver) {

    static TierDatabase fresh(String module) {
        String name = ("tier_" + module + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String base = System.getenv("STEWARD_DB_URL");
        if (base != null && base.startsWith("jdbc:postgresql:")) {
            String user = env("STEWARD_DB_USER", "postgres");
            String password = env("STEWARD_DB_PASSWORD", "");
            try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the module tier's database " + name, e);
            }
            int slash = base.lastIndexOf('/');
            int query = base.indexOf('?', slash);
            String url = base.substring(0, slash + 1) + name + (query < 0 ? "" : base.substring(query));
            return new TierDatabase(url, user, password, "org.postgresql.ds.PGSimpleDataSource");
        }
        // Payara Micro's own H2 (2.2.224, the project's version) serves it: the deployment carries no H2 copy.
        return new TierDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000", "steward", "steward", "org.h2.jdbcx.JdbcDataSource");
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
