package org.steward.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.steward.platform.rest.Correlation;
import org.steward.platform.security.Caller;
import org.steward.platform.security.CurrentCaller;
import org.steward.platform.time.Clock;

/**
 * Appends to the audit log. The actor, role and correlation id are taken from the current request (SYSTEM and no
 * correlation id in timers and at start-up), so callers name only the action, the target and the outcome.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Correlation correlation;

    /**
     * Appends inside the caller's transaction, which must exist: the entry commits or rolls back with the change it
     * records, so there is never a change without its entry nor an entry for a change that did not happen.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String action, String targetType, String targetId, Outcome outcome) {
        write(action, targetType, targetId, outcome);
    }

    /** Appends in a transaction of its own: for refusals, whose own transaction rolls back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void appendSeparately(String action, String targetType, String targetId, Outcome outcome) {
        write(action, targetType, targetId, outcome);
    }

    private void write(String action, String targetType, String targetId, Outcome outcome) {
        // The change's own statements run first, so the head stays locked only for the append and the commit.
        em.flush();
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("The audit head row is missing: migration platform V3 did not run");
        }
        Caller caller = CurrentCaller.now();
        AuditChain.Content content = new AuditChain.Content(head.lastSeq() + 1, Clock.now(), caller.id(),
                caller.kind().name(), caller.primaryRole(), action, targetType, targetId, outcome.name(),
                correlationId());
        AuditChain.Linked linked = AuditChain.link(content, head.lastHash());
        em.persist(new AuditEntry(linked));
        head.advance(linked);
        em.flush();
    }

    private String correlationId() {
        try {
            return correlation.id();
        } catch (ContextNotActiveException e) {
            return null; // a timer or start-up: no request to correlate with
        }
    }
}
