package org.steward.platform.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.steward.platform.audit.api.AuditLog;
import org.steward.platform.audit.api.Outcome;
import org.steward.platform.kernel.api.Correlation;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.CurrentCaller;

/** The audit log as a SHA-256 hash chain: each append locks the head row, links the entry and advances the head. */
@ApplicationScoped
public class ChainedAuditLog implements AuditLog {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Correlation correlation;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String action, String targetType, String targetId, Outcome outcome) {
        write(action, targetType, targetId, outcome);
    }

    @Override
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
        AuditChain.Content content = new AuditChain.Content(head.lastSeq() + 1, Times.now(clock), caller.id(),
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
