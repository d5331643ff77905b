package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.retention.internal.entity.SweepRun;

/** The record of sweep runs: one row per run and instance, newest first. */
@ApplicationScoped
public class SweepRuns {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(SweepRun run) {
        em.persist(run);
    }

    /** Newest first; the cursor is the last id shown, and the next page holds older runs. */
    public List<SweepRun> list(PageRequest page) {
        if (page.after() == null) {
            return em.createQuery("SELECT r FROM SweepRun r ORDER BY r.id DESC", SweepRun.class)
                    .setMaxResults(page.fetchSize()).getResultList();
        }
        return em.createQuery("SELECT r FROM SweepRun r WHERE r.id < :before ORDER BY r.id DESC", SweepRun.class)
                .setParameter("before", page.after()).setMaxResults(page.fetchSize()).getResultList();
    }
}
