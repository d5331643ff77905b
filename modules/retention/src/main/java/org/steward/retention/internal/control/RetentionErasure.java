package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.steward.platform.kernel.api.erasure.ErasureParticipant;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.SubjectErasure;
import org.steward.platform.kernel.api.erasure.TenantErasure;

/**
 * Retention's own part in every erasure: its rows about a subject or a tenant (the purpose ends) go with them. The
 * erasure rows and certificates stay: they hold ids and hashes only, and they are the proof.
 */
@ApplicationScoped
public class RetentionErasure implements ErasureParticipant {

    static final String MODULE = "retention";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public void eraseSubject(SubjectErasure erasure, ErasureReport.Part report) {
        report.deleted("purpose-ends", em.createQuery("DELETE FROM PurposeEnd p WHERE p.subjectId = :id")
                .setParameter("id", erasure.subjectId().asString()).executeUpdate());
    }

    @Override
    public void eraseTenant(TenantErasure erasure, ErasureReport.Part report) {
        report.deleted("purpose-ends", em.createQuery("DELETE FROM PurposeEnd p WHERE p.tenantId = :id")
                .setParameter("id", erasure.tenantId().asString()).executeUpdate());
    }
}
