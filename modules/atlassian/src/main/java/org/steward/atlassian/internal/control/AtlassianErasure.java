package org.steward.atlassian.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.erasure.ErasureParticipant;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.SubjectErasure;
import org.steward.platform.kernel.api.erasure.TenantErasure;

/**
 * The atlassian module's part in every erasure: when a subject's account was reported goes with the subject, and a
 * tenant's reporting configuration (its credential's key destroyed) with the tenant. The help center's tickets hold
 * no personal data: only issue keys and the ids of the requests they became.
 */
@ApplicationScoped
public class AtlassianErasure implements ErasureParticipant {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Override
    public String module() {
        return "atlassian";
    }

    @Override
    public void eraseSubject(SubjectErasure erasure, ErasureReport.Part report) {
        report.deleted("reported-accounts", em.createQuery("DELETE FROM ReportedAccount a WHERE a.subjectId = :s")
                .setParameter("s", erasure.subjectId().asString()).executeUpdate());
    }

    @Override
    public void eraseTenant(TenantErasure erasure, ErasureReport.Part report) {
        String tenant = erasure.tenantId().asString();
        report.deleted("reported-accounts", em.createQuery("DELETE FROM ReportedAccount a WHERE a.tenantId = :t")
                .setParameter("t", tenant).executeUpdate());
        List<String> keys = em.createQuery("SELECT r.dataKeyId FROM Reporting r WHERE r.tenantId = :t", String.class)
                .setParameter("t", tenant).getResultList();
        keys.forEach(k -> report.dataKey(DataKeyId.of(k)));
        report.deleted("reporting-configurations", em.createQuery("DELETE FROM Reporting r WHERE r.tenantId = :t")
                .setParameter("t", tenant).executeUpdate());
    }
}
