package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.steward.consent.api.ConsentHolder;
import org.steward.platform.kernel.api.erasure.DeviceErasure;
import org.steward.platform.kernel.api.erasure.ErasureParticipant;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.SubjectErasure;
import org.steward.platform.kernel.api.erasure.TenantErasure;

/**
 * Consent's part in every erasure, in the erasure's transaction: a holder's consent events, current-state rows and
 * restriction go when the subject (or the website visitor's device) is erased, and every consent row of a tenant
 * when the tenant is. The decision cache forgets the holder (or, for a tenant, everything) with the commit.
 * Category sweeps of retention policies leave consent records alone: they are the proof of the legal basis of the
 * data that remains, and they go with the subject.
 */
@ApplicationScoped
public class ConsentErasure implements ErasureParticipant {

    static final String MODULE = "consent";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Decisions decisions;

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public void eraseSubject(SubjectErasure erasure, ErasureReport.Part report) {
        eraseHolder(ConsentHolder.subject(erasure.subjectId()), report);
    }

    @Override
    public void eraseDevice(DeviceErasure erasure, ErasureReport.Part report) {
        eraseHolder(ConsentHolder.device(erasure.deviceId()), report);
    }

    @Override
    public void eraseTenant(TenantErasure erasure, ErasureReport.Part report) {
        decisions.erasingTenant();
        String tenantId = erasure.tenantId().asString();
        report.deleted("consent-events", em.createQuery("DELETE FROM ConsentEvent e WHERE e.tenantId = :t")
                .setParameter("t", tenantId).executeUpdate());
        report.deleted("consent-state", em.createQuery("DELETE FROM ConsentState s WHERE s.tenantId = :t")
                .setParameter("t", tenantId).executeUpdate());
        report.deleted("processing-restrictions", em.createQuery("DELETE FROM ProcessingRestriction r"
                + " WHERE r.tenantId = :t").setParameter("t", tenantId).executeUpdate());
    }

    private void eraseHolder(ConsentHolder holder, ErasureReport.Part report) {
        decisions.erasing(holder);
        report.deleted("consent-events", em.createQuery("DELETE FROM ConsentEvent e WHERE e.holderRef = :h")
                .setParameter("h", holder.ref()).executeUpdate());
        report.deleted("consent-state", em.createQuery("DELETE FROM ConsentState s WHERE s.holderRef = :h")
                .setParameter("h", holder.ref()).executeUpdate());
        report.deleted("processing-restrictions", em.createQuery("DELETE FROM ProcessingRestriction r"
                + " WHERE r.holderRef = :h").setParameter("h", holder.ref()).executeUpdate());
    }
}
