package org.steward.identity.internal.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.steward.identity.internal.entity.RecordCategory;
import org.steward.identity.internal.entity.Subject;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.ErasureRequested;

/**
 * Identity's part of the erasure protocol, in the erasure's transaction. Everything is a set-based statement: no row
 * is loaded, so a subject with 10,000 records costs a few statements, like one with 10.
 * <ul>
 * <li>SUBJECT: the subject's personal records and the subject row are deleted, and the subject's data key is
 * reported, for the driver to destroy (crypto-shredding: every surviving copy of the ciphertext becomes noise).</li>
 * <li>TENANT: the tenant keeps a row that says it existed (id, hosting mode, licence key, status and dates, licence
 * history): the licence key identifies a company's licence, not a person. Its name and site URL are replaced:
 * a company name can be a sole trader's own name and a site like {@code jane-doe.atlassian.net} can name a
 * person, and policy §10 asks that "any unique information that can identify an individual" be deleted.</li>
 * <li>CATEGORY: up to {@code limit} records of the category that are due under the policy, skipping tenants and
 * subjects under a legal hold. The subject's key stays: the subject and its other records remain.</li>
 * </ul>
 */
@ApplicationScoped
public class IdentityErasure {

    static final String MODULE = "identity";
    static final String ERASED_NAME = "(erased)";
    static final String ERASED_SITE = "https://erased.invalid";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/steward")
    DataSource dataSource;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    @Inject
    Clock clock;

    /** The heap tuples an 8 kB PostgreSQL page holds at most (MaxHeapTuplesPerPage). */
    private static final double MAX_TUPLES_PER_PAGE = 291;

    /** Per erasure and cutoff: the block where the next chunk starts (PostgreSQL). */
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();

    private volatile Boolean postgres;

    void onErasure(@Observes ErasureRequested request) {
        switch (request.scope()) {
            case SUBJECT -> eraseSubject(request.subjectId(), request.report());
            case TENANT -> eraseTenant(request.tenantId(), request.report());
            case CATEGORY -> eraseDue(request);
        }
    }

    private void eraseSubject(String subjectId, ErasureReport report) {
        Subject subject = em.find(Subject.class, subjectId);
        if (subject == null) {
            return; // never existed, or already erased: nothing to do, nothing to report
        }
        for (Object[] row : em.createQuery("SELECT r.category, COUNT(r) FROM PersonalRecord r WHERE r.subjectId = :s"
                + " GROUP BY r.category", Object[].class).setParameter("s", subjectId).getResultList()) {
            report.deleted(MODULE, ((RecordCategory) row[0]).key(), ((Number) row[1]).longValue());
        }
        em.createQuery("DELETE FROM PersonalRecord r WHERE r.subjectId = :s").setParameter("s", subjectId)
                .executeUpdate();
        report.dataKey(subject.dataKeyId());
        em.detach(subject);
        report.deleted(MODULE, "subject-identifiers",
                em.createQuery("DELETE FROM Subject s WHERE s.id = :s").setParameter("s", subjectId).executeUpdate());
    }

    private void eraseTenant(String tenantId, ErasureReport report) {
        int n = em.createQuery("UPDATE Tenant t SET t.name = :name, t.siteUrl = :site, t.updatedAt = :now,"
                        + " t.version = t.version + 1 WHERE t.id = :id AND (t.name <> :name OR t.siteUrl <> :site)")
                .setParameter("name", ERASED_NAME).setParameter("site", ERASED_SITE)
                .setParameter("now", Times.now(clock))
                .setParameter("id", tenantId).executeUpdate();
        report.deleted(MODULE, "tenant-profile", n);
    }

    private void eraseDue(ErasureRequested request) {
        Optional<RecordCategory> category = RecordCategory.ofKey(request.category());
        if (category.isEmpty() || request.cutoff() == null || request.limit() <= 0) {
            return;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder select = new StringBuilder();
        switch (request.policyTrigger()) {
            case "FIXED" -> {
                select.append("SELECT r.id FROM identity_personal_record r WHERE r.category = ? AND r.obtained_at < ?");
                params.add(category.get().name());
                params.add(request.cutoff());
            }
            case "INACTIVITY" -> {
                // Last activity: the subject's last change, and the newest record obtained from them.
                select.append("SELECT r.id FROM identity_personal_record r JOIN identity_subject s"
                        + " ON s.id = r.subject_id WHERE r.category = ? AND s.updated_at < ? AND NOT EXISTS"
                        + " (SELECT 1 FROM identity_personal_record n WHERE n.subject_id = r.subject_id"
                        + " AND (n.obtained_at >= ? OR n.created_at >= ?))");
                params.add(category.get().name());
                params.add(request.cutoff());
                params.add(request.cutoff());
                params.add(request.cutoff());
            }
            case "PURPOSE_FULFILLED" -> {
                erasePurposeEnded(category.get(), request);
                return;
            }
            default -> {
                return;
            }
        }
        notIn(select, "r.tenant_id", request.heldTenants(), params);
        notIn(select, "r.subject_id", request.heldSubjects(), params);
        if (postgres()) {
            request.report().deleted(MODULE, category.get().key(), eraseByBlocks(request, select.toString(), params));
            return;
        }
        select.append(" LIMIT ?");
        params.add(request.limit());
        Query delete = em.createNativeQuery("DELETE FROM identity_personal_record WHERE id IN ("
                + numbered(select) + ")");
        for (int i = 0; i < params.size(); i++) {
            delete.setParameter(i + 1, params.get(i));
        }
        request.report().deleted(MODULE, category.get().key(), delete.executeUpdate());
    }

    /**
     * PURPOSE_FULFILLED: the driver names the subjects whose purposes ended (holds already left out) and when; their
     * records of the category obtained up to that time go. One statement per subject on the (subject, category) index:
     * a chunk is a few hundred subjects, and records obtained after the end (a new purpose) stay.
     */
    private void erasePurposeEnded(RecordCategory category, ErasureRequested request) {
        long n = 0;
        // In subject order: a deterministic lock order for chunks that run at the same time.
        for (Map.Entry<String, OffsetDateTime> end : new TreeMap<>(request.purposeEnds()).entrySet()) {
            n += em.createNativeQuery("DELETE FROM identity_personal_record WHERE subject_id = ?1 AND category = ?2"
                            + " AND obtained_at <= ?3")
                    .setParameter(1, end.getKey()).setParameter(2, category.name()).setParameter(3, end.getValue())
                    .executeUpdate();
        }
        request.report().deleted(MODULE, category.key(), n);
    }

    /**
     * PostgreSQL: a keyset over heap blocks. Each statement deletes the due rows of a window of blocks
     * ({@code ctid >= '(b,0)' AND ctid < '(e,0)'}, a TID range scan, PostgreSQL 14+), so no chunk re-scans the dead
     * tuples the previous chunks left behind (with {@code LIMIT n} from the start of the table, the sweep over 1M rows
     * was 1.9x a raw DELETE; see bench/). Windows are sized from the matching rows per block seen so far (at first
     * the 291 heap tuples an 8 kB page can hold at most) and repeated until {@code limit} rows went or the table ends,
     * so a chunk deletes about {@code limit} rows in its own transaction. Where the next chunk starts is kept in memory
     * per erasure and cutoff, and only once the chunk committed: after a rollback, a crash or on another instance
     * the chunk starts from block 0 again, which only costs time. Rows written meanwhile into blocks already passed
     * are left to the next sweep. Legal holds and the policy filter are in every statement.
     */
    private long eraseByBlocks(ErasureRequested request, String select, List<Object> params) {
        String key = request.erasureId() + '|' + request.policyTrigger() + '|' + request.category() + '|'
                + request.cutoff();
        Cursor cursor = cursors.getOrDefault(key, new Cursor(0, MAX_TUPLES_PER_PAGE));
        long blocks = ((Number) em.createNativeQuery("SELECT pg_relation_size('identity_personal_record')"
                + " / CAST(current_setting('block_size') AS int)").getSingleResult()).longValue();
        // The selection as a DELETE of its own (no id list in between): r's TID range scan, the filters on the way.
        String windowed = numbered(new StringBuilder(select
                .replaceFirst("^SELECT r\\.id FROM identity_personal_record r JOIN identity_subject s"
                        + " ON s\\.id = r\\.subject_id WHERE ", "DELETE FROM identity_personal_record r"
                        + " USING identity_subject s WHERE s.id = r.subject_id AND ")
                .replaceFirst("^SELECT r\\.id FROM identity_personal_record r WHERE ",
                        "DELETE FROM identity_personal_record r WHERE ")
                .replaceFirst(" WHERE ", " WHERE r.ctid >= CAST(?0 AS tid) AND r.ctid < CAST(?0 AS tid) AND ")));
        long block = cursor.block();
        double density = cursor.density();
        long deleted = 0;
        long scanned = 0;
        while (deleted < request.limit() && block < blocks) {
            long window = Math.max(1, (long) Math.ceil((request.limit() - deleted) / Math.max(density, 1.0)));
            long end = Math.min(block + window, blocks);
            Query delete = em.createNativeQuery(windowed.replaceFirst("\\?0", "'(" + block + ",0)'")
                    .replaceFirst("\\?0", "'(" + end + ",0)'"));
            for (int i = 0; i < params.size(); i++) {
                delete.setParameter(i + 1, params.get(i));
            }
            deleted += delete.executeUpdate();
            scanned += end - block;
            block = end;
            density = deleted == 0 ? density / 2 : (double) deleted / scanned;
        }
        Cursor next = new Cursor(block, Math.max(density, 1.0));
        boolean finished = deleted < request.limit();
        if (registry != null && registry.getTransactionKey() != null) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED && !finished) {
                        if (cursors.size() > 64) {
                            cursors.clear(); // abandoned sweeps: dropping a cursor only costs a re-scan
                        }
                        cursors.put(key, next);
                    } else if (finished) {
                        cursors.remove(key);
                    }
                }
            });
        }
        return deleted;
    }

    /** Numbered positional parameters (?1, ?2...) for EclipseLink's native queries; {@code ?0} is left alone. */
    private static String numbered(CharSequence sql) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            numbered.append(ch);
            if (ch == '?' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '0')) {
                numbered.append(++n);
            }
        }
        return numbered.toString();
    }

    private record Cursor(long block, double density) {
    }

    private boolean postgres() {
        if (postgres == null) {
            try (Connection c = dataSource.getConnection()) {
                postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            } catch (SQLException e) {
                return false;
            }
        }
        return postgres;
    }

    private static void notIn(StringBuilder sql, String column, java.util.Set<String> values, List<Object> params) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" NOT IN (");
        int i = 0;
        for (String v : values) {
            sql.append(i++ == 0 ? "?" : ", ?");
            params.add(v);
        }
        sql.append(')');
    }

}
