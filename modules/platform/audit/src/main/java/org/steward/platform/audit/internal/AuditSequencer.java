package org.steward.platform.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.steward.platform.kernel.api.Times;

/**
 * Seals accepted entries into the hash chain, a batch per transaction: it locks the head row, gives the oldest
 * pending entries the next seq numbers, links and stores them, deletes them from the pending table and advances the
 * head, all in one commit. The head lock is held for one batch, not for every write, and it is the only
 * coordination between sequencers on several threads or instances: whoever holds it extends the chain, and the next
 * one reads the pending table after that commit, so no entry is sealed twice and the chain cannot fork.
 */
@ApplicationScoped
public class AuditSequencer {

    static final int BATCH = 500;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Seals up to {@link #BATCH} entries. With {@code wait} false it gives up at once (returning -1) when another
     * sequencer holds the head, which is then sealing anyway; with {@code wait} true it waits for the head.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sealBatch(boolean wait) {
        @SuppressWarnings("unchecked")
        List<Object[]> heads = em.createNativeQuery("SELECT last_seq, last_hash FROM platform_audit_head WHERE id = "
                + AuditHead.ID + " FOR UPDATE" + (wait ? "" : " SKIP LOCKED")).getResultList();
        if (heads.isEmpty()) {
            return -1;
        }
        List<PendingEntry> batch = em.createQuery("SELECT p FROM PendingEntry p ORDER BY p.occurredAt, p.id",
                PendingEntry.class).setMaxResults(BATCH).getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        long seq = ((Number) heads.get(0)[0]).longValue();
        String hash = (String) heads.get(0)[1];
        OffsetDateTime sealedAt = Times.now(clock);
        List<String> ids = new ArrayList<>(batch.size());
        for (PendingEntry p : batch) {
            AuditChain.Linked linked = AuditChain.link(p.at(++seq), hash);
            em.persist(new AuditEntry(linked, sealedAt));
            hash = linked.hash();
            ids.add(p.id());
        }
        em.createQuery("DELETE FROM PendingEntry p WHERE p.id IN :ids").setParameter("ids", ids).executeUpdate();
        em.createNativeQuery("UPDATE platform_audit_head SET last_seq = ?, last_hash = ? WHERE id = " + AuditHead.ID)
                .setParameter(1, seq).setParameter(2, hash).executeUpdate();
        return batch.size();
    }

    /**
     * Whether any accepted entry waits, read without a lock: an idle round then takes no row lock on the head (on
     * PostgreSQL a {@code FOR UPDATE} writes the lock into the row, five times a second per instance).
     */
    public boolean hasPending() {
        return !em.createQuery("SELECT p.id FROM PendingEntry p", String.class).setMaxResults(1).getResultList()
                .isEmpty();
    }
}
