package org.steward.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Whole-database dumps as an operator would take them (pg_dump, H2's SCRIPT), and waiting for the server. */
public final class Dumps {

    private Dumps() {
    }

    /**
     * The whole database as text: {@code pg_dump} of the test database on PostgreSQL (schema and data, as a backup
     * would hold it), H2's {@code SCRIPT} otherwise.
     */
    public static String dump(Database db) throws IOException, InterruptedException, SQLException {
        if (db.postgres()) {
            String url = db.url();
            int slash = url.lastIndexOf('/');
            int query = url.indexOf('?', slash);
            String name = url.substring(slash + 1, query < 0 ? url.length() : query);
            String hostPort = url.substring("jdbc:postgresql://".length(), slash);
            String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
            String port = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432";
            ProcessBuilder pb = new ProcessBuilder(List.of("pg_dump", "-h", host, "-p", port, "-U", db.user(), name))
                    .redirectErrorStream(true);
            if (!db.password().isEmpty()) {
                pb.environment().put("PGPASSWORD", db.password());
            }
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pg_dump failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SCRIPT")) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
    }

    public static long count(Database db, String sql, Object... params) {
        if (sql.contains("platform_audit_entry")) {
            try (Connection c = db.connect()) {
                Tables.awaitAuditSealed(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        try (Connection c = db.connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
