package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.internal.entity.ConsentEvent;
import org.steward.platform.audit.api.AuditLog;
import org.steward.platform.audit.api.Outcome;

/**
 * A {@code Sec-GPC: 1} that a client app passes on for a holder it identified (a SERVICE caller asking a decision):
 * the opt-outs are recorded and audited in a transaction of their own, which commits (and invalidates the decision
 * cache) before the decision is answered. Nothing is written once the holder is opted out of every sharing purpose.
 */
@ApplicationScoped
public class ForwardedGpc {

    @Inject
    GpcSignal gpc;

    @Inject
    AuditLog audit;

    /** Callers check {@link Decisions#gpcWouldRecord} first (cached): a signal already honoured costs no write. */
    @Transactional
    public void record(ConsentHolder holder, String tenantId, ConsentEvent.Proof proof) {
        List<ConsentRecorder.Recorded> recorded = gpc.honour(holder, tenantId, "1", proof);
        if (!recorded.isEmpty()) {
            boolean subject = holder.kind() == ConsentHolder.Kind.SUBJECT;
            audit.append("consent.gpc.record", subject ? "subject" : "device", subject ? holder.id() : null,
                    Outcome.SUCCESS);
        }
    }
}
