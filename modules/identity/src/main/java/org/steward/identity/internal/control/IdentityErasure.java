package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.steward.identity.internal.entity.RecordCategory;
import org.steward.identity.internal.entity.Subject;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TypedId;
import org.steward.platform.kernel.api.erasure.CategoryErasure;
import org.steward.platform.kernel.api.erasure.ErasureParticipant;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.PolicyKind;
import org.steward.platform.kernel.api.erasure.SubjectErasure;
import org.steward.platform.kernel.api.erasure.TenantErasure;

/**
 * Identity's part in every erasure, in the erasure's transaction. Everything is a set-based statement: no row is
 * loaded, so a subject with 10,000 records costs a few statements, like one with 10.
 * <ul>
 * <li>SUBJECT: the subject's personal records and the subject row are deleted, and the subject's data key is
 * reported, for the driver to destroy (crypto-shredding: every surviving copy of the ciphertext becomes noise).</li>
 * <li>TENANT: the tenant keeps a row that says it existed (id, hosting mode, licence key, status and dates, licence
 * history): the licence key identifies a company's licence, not a person. Its name and site URL are replaced:
 * a company name can be a sole trader's own name and a site like {@code jane-doe.atlassian.net} can name a
 * person, and policy §10 asks that "any unique information that can identify an individual" be deleted.</li>
 * <li>CATEGORY: up to {@code limit} records of the category that are due under the policy, skipping tenants and
 * subjects under a legal hold (on PostgreSQL by {@link BlockWindowDeleter}). The subject's key stays: the subject and
 * its other records remain.</li>
 * </ul>
 * Identity holds nothing about website visitors' devices.
 */
@ApplicationScoped
public class IdentityErasure implements ErasureParticipant {

    static final String MODULE = "identity";
    static final String ERASED_NAME = "(erased)";
    static final String ERASED_SITE = "https://erased.invalid";

    private static final String RECORDS = "identity_personal_record";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    BlockWindowDeleter blockWindows;

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public void eraseSubject(SubjectErasure erasure, ErasureReport.Part report) {
        String subjectId = erasure.subjectId().asString();
        Subject subject = em.find(Subject.class, subjectId);
        if (subject == null) {
            return; // never existed, or already erased: nothing to do, nothing to report
        }
        for (Object[] row : em.createQuery("SELECT r.category, COUNT(r) FROM PersonalRecord r WHERE r.subjectId = :s"
                + " GROUP BY r.category", Object[].class).setParameter("s", subjectId).getResultList()) {
            report.deleted(((RecordCategory) row[0]).key(), ((Number) row[1]).longValue());
        }
        em.createQuery("DELETE FROM PersonalRecord r WHERE r.subjectId = :s").setParameter("s", subjectId)
                .executeUpdate();
        report.dataKey(subject.dataKeyId());
        em.detach(subject);
        report.deleted("subject-identifiers",
                em.createQuery("DELETE FROM Subject s WHERE s.id = :s").setParameter("s", subjectId).executeUpdate());
    }

    @Override
    public void eraseTenant(TenantErasure erasure, ErasureReport.Part report) {
        int n = em.createQuery("UPDATE Tenant t SET t.name = :name, t.siteUrl = :site, t.updatedAt = :now,"
                        + " t.version = t.version + 1 WHERE t.id = :id AND (t.name <> :name OR t.siteUrl <> :site)")
                .setParameter("name", ERASED_NAME).setParameter("site", ERASED_SITE).setParameter("now", erasure.at())
                .setParameter("id", erasure.tenantId().asString()).executeUpdate();
        report.deleted("tenant-profile", n);
    }

    @Override
    public void eraseCategory(CategoryErasure erasure, ErasureReport.Part report) {
        Optional<RecordCategory> category = RecordCategory.ofKey(erasure.category());
        if (category.isEmpty() || erasure.limit() <= 0) {
            return; // not a category of identity's records
        }
        long n = switch (erasure.kind()) {
            case FIXED, INACTIVITY -> eraseByAge(category.get(), erasure);
            case PURPOSE_FULFILLED -> erasePurposeEnded(category.get(), erasure);
        };
        report.deleted(category.get().key(), n);
    }

    /**
     * FIXED: records obtained before the cutoff. INACTIVITY: records of subjects whose last activity (their last
     * change, the newest record obtained from them) is before it. Held tenants and subjects are left out.
     */
    private long eraseByAge(RecordCategory category, CategoryErasure erasure) {
        List<Object> params = new ArrayList<>();
        StringBuilder filter = new StringBuilder("r.category = ?");
        params.add(category.name());
        boolean joinSubject = erasure.kind() == PolicyKind.INACTIVITY;
        if (joinSubject) {
            filter.append(" AND s.updated_at < ? AND NOT EXISTS (SELECT 1 FROM identity_personal_record n"
                    + " WHERE n.subject_id = r.subject_id AND (n.obtained_at >= ? OR n.created_at >= ?))");
            params.add(erasure.cutoff());
            params.add(erasure.cutoff());
            params.add(erasure.cutoff());
        } else {
            filter.append(" AND r.obtained_at < ?");
            params.add(erasure.cutoff());
        }
        notIn(filter, "r.tenant_id", erasure.heldTenants(), params);
        notIn(filter, "r.subject_id", erasure.heldSubjects(), params);
        if (blockWindows.available()) {
            String key = erasure.erasureId().asString() + '|' + erasure.kind() + '|' + erasure.category() + '|'
                    + erasure.cutoff();
            return blockWindows.delete(key, new BlockWindowDeleter.Delete(RECORDS,
                    joinSubject ? "identity_subject s" : null,
                    (joinSubject ? "s.id = r.subject_id AND " : "") + filter, params), erasure.limit());
        }
        params.add(erasure.limit());
        Query delete = em.createNativeQuery(BlockWindowDeleter.numbered("DELETE FROM " + RECORDS + " WHERE id IN"
                + " (SELECT r.id FROM " + RECORDS + " r"
                + (joinSubject ? " JOIN identity_subject s ON s.id = r.subject_id" : "")
                + " WHERE " + filter + " LIMIT ?)"));
        for (int i = 0; i < params.size(); i++) {
            delete.setParameter(i + 1, params.get(i));
        }
        return delete.executeUpdate();
    }

    /**
     * PURPOSE_FULFILLED: the driver names the subjects whose purposes ended (holds already left out) and when; their
     * records of the category obtained up to that time go. One statement per subject on the (subject, category) index:
     * a chunk is a few hundred subjects, and records obtained after the end (a new purpose) stay.
     */
    private long erasePurposeEnded(RecordCategory category, CategoryErasure erasure) {
        long n = 0;
        // In subject order: a deterministic lock order for chunks that run at the same time.
        Map<SubjectId, OffsetDateTime> ends = new TreeMap<>(Comparator.comparing(SubjectId::asString));
        ends.putAll(erasure.purposeEnds());
        for (Map.Entry<SubjectId, OffsetDateTime> end : ends.entrySet()) {
            n += em.createNativeQuery("DELETE FROM identity_personal_record WHERE subject_id = ?1 AND category = ?2"
                            + " AND obtained_at <= ?3")
                    .setParameter(1, end.getKey().asString()).setParameter(2, category.name())
                    .setParameter(3, end.getValue()).executeUpdate();
        }
        return n;
    }

    private static void notIn(StringBuilder sql, String column, Set<? extends TypedId> ids, List<Object> params) {
        if (ids.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" NOT IN (");
        int i = 0;
        for (TypedId id : ids) {
            sql.append(i++ == 0 ? "?" : ", ?");
            params.add(id.asString());
        }
        sql.append(')');
    }
}
