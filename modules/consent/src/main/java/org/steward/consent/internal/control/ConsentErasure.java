package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.ErasureRequested;

/**
 * Consent's part of the erasure protocol (platform.erasure), in the erasure's transaction: a subject's consent events
 * and current-state rows are deleted when the subject is erased, and every consent row of a tenant (its website
 * visitors' devices included) when the tenant is. Category sweeps of retention policies leave consent records alone:
 * they are the proof of the legal basis of the data that remains, and they go with the subject.
 */
@ApplicationScoped
public class ConsentErasure {

    static final String MODULE = "consent";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    void onErasure(@Observes ErasureRequested request) {
        switch (request.scope()) {
            case SUBJECT -> eraseHolder("subject:" + request.subjectId(), request.report());
            case TENANT -> eraseTenant(request.tenantId(), request.report());
            case CATEGORY -> {
                // see the class comment
            }
        }
    }

    private void eraseHolder(String holderRef, ErasureReport report) {
        report.deleted(MODULE, "consent-events", em.createQuery("DELETE FROM ConsentEvent e WHERE e.holderRef = :h")
                .setParameter("h", holderRef).executeUpdate());
        report.deleted(MODULE, "consent-state", em.createQuery("DELETE FROM ConsentState s WHERE s.holderRef = :h")
                .setParameter("h", holderRef).executeUpdate());
    }

    private void eraseTenant(String tenantId, ErasureReport report) {
        report.deleted(MODULE, "consent-events", em.createQuery("DELETE FROM ConsentEvent e WHERE e.tenantId = :t")
                .setParameter("t", tenantId).executeUpdate());
        report.deleted(MODULE, "consent-state", em.createQuery("DELETE FROM ConsentState s WHERE s.tenantId = :t")
                .setParameter("t", tenantId).executeUpdate());
    }
}
