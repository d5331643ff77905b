package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.erasure.ErasureParticipant;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.SubjectErasure;
import org.steward.platform.kernel.api.erasure.TenantErasure;
import org.steward.sharing.internal.entity.Propagation;

/**
 * Sharing's part in every erasure. Before anything is deleted, each recipient of the subject's data gets its task
 * (with what it knows the subject by, read while identity still holds it); then the subject's disclosures go, and
 * earlier open corrections or restrictions are closed, superseded by the erasure, their keys destroyed.
 */
@ApplicationScoped
public class SharingErasure implements ErasureParticipant {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Propagations propagations;

    @Override
    public String module() {
        return "sharing";
    }

    @Override
    public void beforeSubjectErasure(SubjectErasure erasure) {
        propagations.propagate(erasure.erasureId().asString(), Propagation.Kind.ERASURE,
                erasure.tenantId().asString(), erasure.subjectId().asString(), null);
    }

    @Override
    public void eraseSubject(SubjectErasure erasure, ErasureReport.Part report) {
        String subject = erasure.subjectId().asString();
        report.deleted("disclosures", em.createQuery("DELETE FROM Disclosure d WHERE d.subjectId = :s")
                .setParameter("s", subject).executeUpdate());
        List<Object[]> earlier = em.createQuery("SELECT p.id, p.dataKeyId, p.state FROM Propagation p"
                + " WHERE p.subjectId = :s", Object[].class).setParameter("s", subject).getResultList();
        for (Object[] row : earlier) {
            if (row[1] != null && !((Propagation.State) row[2]).closed()) {
                report.dataKey(DataKeyId.of((String) row[1]));
            }
        }
        em.createQuery("UPDATE Propagation p SET p.state = :waived, p.closedAt = :at, p.closedBy = 'erasure',"
                        + " p.closeNote = 'superseded by the subject''s erasure', p.payloadEnc = NULL"
                        + " WHERE p.subjectId = :s AND p.state NOT IN :closed")
                .setParameter("waived", Propagation.State.WAIVED).setParameter("at", erasure.at())
                .setParameter("s", subject)
                .setParameter("closed", List.of(Propagation.State.CONFIRMED, Propagation.State.WAIVED))
                .executeUpdate();
        report.deleted("propagation-subject-links", em.createQuery("UPDATE Propagation p SET p.subjectId = NULL"
                + " WHERE p.subjectId = :s").setParameter("s", subject).executeUpdate());
    }

    @Override
    public void eraseTenant(TenantErasure erasure, ErasureReport.Part report) {
        String tenant = erasure.tenantId().asString();
        propagations.propagateTenant(erasure.erasureId().asString(), tenant);
        report.deleted("disclosures", em.createQuery("DELETE FROM Disclosure d WHERE d.tenantId = :t")
                .setParameter("t", tenant).executeUpdate());
        List<String> keys = em.createQuery("SELECT s.dataKeyId FROM Subscription s WHERE s.tenantId = :t",
                String.class).setParameter("t", tenant).getResultList();
        keys.forEach(k -> report.dataKey(DataKeyId.of(k)));
        em.createQuery("DELETE FROM Delivery d WHERE d.subscriptionId IN (SELECT s.id FROM Subscription s"
                + " WHERE s.tenantId = :t)").setParameter("t", tenant).executeUpdate();
        report.deleted("subscriptions", em.createQuery("DELETE FROM Subscription s WHERE s.tenantId = :t")
                .setParameter("t", tenant).executeUpdate());
    }
}
