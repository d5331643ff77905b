package org.steward.platform.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.Times;

/** The record of chain verifications, newest first, for the console's "last verified" and for auditors. */
@ApplicationScoped
public class AuditVerifications {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, ChainCheck.Result result) {
        em.persist(new AuditVerification(Ids.newId().toString(), Times.now(clock), actor, result));
    }

    public List<AuditVerification> latest(int limit) {
        return em.createQuery("SELECT v FROM AuditVerification v ORDER BY v.verifiedAt DESC, v.id DESC",
                AuditVerification.class).setMaxResults(limit).getResultList();
    }
}
