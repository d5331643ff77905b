package org.steward.it.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Direct reads of a test server's database, for what HTTP cannot show: what is really stored. */
public final class Tables {

    private Tables() {
    }

    public static List<String> names(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }

    /** Every value of every row of every table, as text (binary columns decoded as UTF-8 and ISO-8859-1). */
    public static String dump(Connection c) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String table : names(c)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData m = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= m.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof byte[] bytes) {
                            out.append(new String(bytes, StandardCharsets.UTF_8)).append('|')
                                    .append(new String(bytes, StandardCharsets.ISO_8859_1));
                        } else {
                            out.append(v);
                        }
                        out.append('\t');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Table → columns with types: a fingerprint of the schema, to show that a re-run changed nothing. */
    public static TreeMap<String, String> schema(Connection c) throws SQLException {
        TreeMap<String, String> out = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getColumns(null, "public", "%", "%")) {
            while (rs.next()) {
                out.put(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME"),
                        rs.getString("TYPE_NAME") + "/" + rs.getString("IS_NULLABLE"));
            }
        }
        return out;
    }

    /**
     * Audit entries are sealed into the chain by a background sequencer shortly after their commit; a query on the
     * chain's tables first waits until everything accepted so far is sealed.
     */
    public static long count(Connection c, String sql) throws SQLException {
        if (sql.contains("platform_audit_entry") || sql.contains("platform_audit_head")) {
            awaitAuditSealed(c);
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits (at most 10 s, else fails) until no accepted audit entry is waiting to be sealed. */
    public static void awaitAuditSealed(Connection c) throws SQLException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM platform_audit_pending")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("audit entries still unsealed after 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
