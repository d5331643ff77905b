package org.steward.platform.security.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/** For code that reaches a tenant's data by other ids: refuses callers bound to a different tenant. */
@ApplicationScoped
public class TenantScope {

    @Inject
    CurrentCaller caller;

    /** The tenant the caller is bound to, or null when it may address every tenant. */
    public String boundTenant() {
        return caller.get().tenantId();
    }

    public void check(String tenantId) {
        String bound = boundTenant();
        if (bound != null && !bound.equals(tenantId)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This client is bound to another tenant");
        }
    }
}
