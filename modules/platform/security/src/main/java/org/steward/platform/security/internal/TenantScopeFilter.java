package org.steward.platform.security.internal;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.platform.security.api.TenantScope;

/**
 * A caller bound to a tenant (every SERVICE client) may only address that tenant: any request whose path names
 * another {@code tenantId} is refused before it reaches the resource. Endpoints that take a tenant's data by other ids
 * check {@link TenantScope} themselves.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class TenantScopeFilter implements ContainerRequestFilter {

    @Inject
    CurrentCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String bound = caller.get().tenantId();
        if (bound == null) {
            return;
        }
        String addressed = request.getUriInfo().getPathParameters().getFirst("tenantId");
        if (addressed != null && !addressed.equals(bound)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This client is bound to another tenant");
        }
    }
}
