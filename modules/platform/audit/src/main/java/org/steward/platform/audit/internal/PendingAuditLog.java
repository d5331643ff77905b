package org.steward.platform.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.steward.platform.audit.api.AuditLog;
import org.steward.platform.audit.api.Outcome;
import org.steward.platform.kernel.api.Correlation;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.CurrentCaller;

/**
 * Accepts audit entries: one insert into the pending table, in the caller's transaction. Nothing is locked that
 * another writer waits for, so writes on every connection and every instance commit in parallel; the
 * {@link AuditSequencer} seals what was accepted into the hash chain within the stated bound.
 */
@ApplicationScoped
public class PendingAuditLog implements AuditLog {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Correlation correlation;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String action, String targetType, String targetId, Outcome outcome) {
        accept(action, targetType, targetId, outcome);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void appendSeparately(String action, String targetType, String targetId, Outcome outcome) {
        accept(action, targetType, targetId, outcome);
    }

    private void accept(String action, String targetType, String targetId, Outcome outcome) {
        Caller caller = CurrentCaller.now();
        em.persist(new PendingEntry(Ids.newId().toString(), Times.now(clock), caller.id(), caller.kind().name(),
                caller.primaryRole(), action, targetType, targetId, outcome.name(), correlationId()));
    }

    private String correlationId() {
        try {
            return correlation.id();
        } catch (ContextNotActiveException e) {
            return null; // a timer or start-up: no request to correlate with
        }
    }
}
