package org.steward.testing.container;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain SQL reads of what is stored, for assertions on rows (outside the entities' view of them). */
@ApplicationScoped
public class Rows {

    @Resource(lookup = "java:app/jdbc/steward")
    DataSource dataSource;

    /** {@code SELECT COUNT(*) ...}: the first column of the one row, as a long. */
    public long count(String sql, Object... params) {
        Object v = value(sql, params);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** The first column of the first row, or null when there is no row. */
    public Object value(String sql, Object... params) {
        List<Object[]> rows = list(sql, params);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    public List<Object[]> list(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                List<Object[]> out = new ArrayList<>();
                while (r.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /**
     * A write behind the modules' back (no event, no entity): for tests that show what a module does not notice, or
     * that set up what the module's API cannot (a row's age). Returns the number of rows changed.
     */
    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + sql, e);
        }
    }

    /** Whether the deployment runs on PostgreSQL (else H2). */
    public boolean postgres() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
