package org.steward.platform.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Recomputes the whole chain, chunk by chunk in seq order, clearing the persistence context between chunks: memory
 * stays bounded however long the log is. It takes no lock, so sealing continues meanwhile; it checks the entries up
 * to the head it read first, and entries sealed later are left for the next verification.
 */
@ApplicationScoped
public class AuditVerifier {

    static final int CHUNK = 500;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Transactional
    public ChainCheck.Result verify() {
        Object[] head = head();
        long headSeq = (Long) head[0];
        String headHash = (String) head[1];
        ChainCheck check = new ChainCheck();
        long after = 0;
        List<AuditEntry> chunk;
        do {
            chunk = em.createQuery("SELECT e FROM AuditEntry e WHERE e.seq > :after AND e.seq <= :last"
                            + " ORDER BY e.seq", AuditEntry.class)
                    .setParameter("after", after).setParameter("last", headSeq)
                    .setMaxResults(CHUNK).getResultList();
            for (AuditEntry e : chunk) {
                if (!check.accept(e.linked())) {
                    break;
                }
                after = e.seq();
            }
            em.clear();
        } while (chunk.size() == CHUNK && check.intact());
        // The highest seq first, the head after: a sealed entry is never above a head read after it.
        Long maxSeq = em.createQuery("SELECT MAX(e.seq) FROM AuditEntry e", Long.class).getSingleResult();
        long headSeqNow = (Long) head()[0];
        return check.finish(headSeq, headHash, maxSeq == null ? 0 : maxSeq, headSeqNow);
    }

    private Object[] head() {
        return em.createQuery("SELECT h.lastSeq, h.lastHash FROM AuditHead h WHERE h.id = :id", Object[].class)
                .setParameter("id", AuditHead.ID).getSingleResult();
    }
}
