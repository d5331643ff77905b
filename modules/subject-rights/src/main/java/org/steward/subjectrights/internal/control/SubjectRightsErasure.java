package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.steward.platform.kernel.api.erasure.DeviceErasure;
import org.steward.platform.kernel.api.erasure.ErasureParticipant;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.SubjectErasure;
import org.steward.platform.kernel.api.erasure.TenantErasure;
import org.steward.subjectrights.internal.entity.Request;

/**
 * Subject-rights' part in an erasure. A closed request about the subject keeps its log entry (CCPA §7101) without
 * identifiers: its personal fields and export go, its data key is reported for destruction, and the subject's id in
 * the log becomes a pseudonym. An open request (the erasure request itself, whose last mail is still to be sent)
 * is wiped when it closes.
 */
@ApplicationScoped
public class SubjectRightsErasure implements ErasureParticipant {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    RequestKeys keys;

    @Inject
    RequestLog log;

    @Override
    public String module() {
        return "subject-rights";
    }

    @Override
    public void eraseSubject(SubjectErasure erasure, ErasureReport.Part report) {
        String tenant = erasure.tenantId().asString();
        String subject = erasure.subjectId().asString();
        List<String> ids = em.createQuery("SELECT s.requestId FROM RequestSubject s WHERE s.tenantId = :t"
                + " AND s.subjectId = :s", String.class).setParameter("t", tenant).setParameter("s", subject)
                .getResultList();
        forget(ids, report);
        String pseudonym = keys.subjectPseudonym(tenant, subject);
        em.createQuery("UPDATE RequestSubject s SET s.subjectId = :p WHERE s.tenantId = :t AND s.subjectId = :s")
                .setParameter("p", pseudonym).setParameter("t", tenant).setParameter("s", subject).executeUpdate();
        em.createQuery("UPDATE FulfilmentTask t SET t.holder = :p WHERE t.holder = :h")
                .setParameter("p", Fulfilment.subjectHolder(tenant, pseudonym))
                .setParameter("h", Fulfilment.subjectHolder(tenant, subject)).executeUpdate();
    }

    @Override
    public void eraseTenant(TenantErasure erasure, ErasureReport.Part report) {
        forget(em.createQuery("SELECT r.id FROM Request r WHERE r.tenantId = :t", String.class)
                .setParameter("t", erasure.tenantId().asString()).getResultList(), report);
    }

    @Override
    public void eraseDevice(DeviceErasure erasure, ErasureReport.Part report) {
        String index = keys.identifierIndex(Request.IdentifierKind.DEVICE, null, erasure.deviceId().asString());
        forget(em.createQuery("SELECT r.id FROM Request r WHERE r.identifierIndex = :i", String.class)
                .setParameter("i", index).getResultList(), report);
    }

    private void forget(List<String> requestIds, ErasureReport.Part report) {
        long wiped = 0;
        for (String id : requestIds) {
            Request r = em.find(Request.class, id);
            if (r == null || r.dataKeyId() == null) {
                continue;
            }
            if (r.state().closed()) {
                log.wipe(r);
                wiped++;
            } else {
                r.eraseOnClose(true);
            }
        }
        if (wiped > 0) {
            report.deleted("request-details", wiped);
        }
    }
}
