package org.steward.platform.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.steward.platform.audit.api.AuditLog;
import org.steward.platform.audit.api.Outcome;
import org.steward.platform.security.api.AuthenticationRefused;

/** A refused login is a security event: it goes to the audit log in a transaction of its own. */
@ApplicationScoped
public class RefusedLoginAuditor {

    @Inject
    AuditLog auditLog;

    void record(@Observes AuthenticationRefused refused) {
        auditLog.appendSeparately(refused.throttled() ? "authentication.throttled" : "authentication.failed",
                "credential:" + refused.scheme(), null, Outcome.DENIED);
    }
}
