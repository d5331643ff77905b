package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.steward.identity.api.LicenceExpired;
import org.steward.identity.api.LicenceTerminated;
import org.steward.identity.api.SubjectFlaggedAsMinor;
import org.steward.platform.kernel.api.erasure.ErasureTrigger;

/**
 * Identity's events, observed synchronously in the transaction that fires them: the erasure is queued if and only if
 * the licence change (or the flag) commits.
 */
@ApplicationScoped
public class ErasureTriggers {

    @Inject
    ErasureQueue queue;

    void onExpired(@Observes LicenceExpired e) {
        queue.enqueueTenant(e.tenantId().asString(), ErasureTrigger.LICENCE_EXPIRY,
                "The licence expired on " + e.expiredOn() + ": every subject of the tenant is erased (policy §10)");
    }

    void onTerminated(@Observes LicenceTerminated e) {
        queue.enqueueTenant(e.tenantId().asString(), ErasureTrigger.LICENCE_TERMINATION,
                "The licensee terminated the licence and acknowledged that it erases them (policy §10)");
    }

    void onMinor(@Observes SubjectFlaggedAsMinor e) {
        queue.enqueueSubject(e.tenantId().asString(), e.subjectId().asString(), ErasureTrigger.MINOR,
                ErasureQueue.MINOR_REASON, null);
    }
}
