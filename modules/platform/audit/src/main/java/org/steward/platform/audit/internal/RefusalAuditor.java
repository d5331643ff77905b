package org.steward.platform.audit.internal;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.platform.audit.api.AuditLog;
import org.steward.platform.audit.api.Outcome;
import org.steward.platform.kernel.api.Audited;

/**
 * Records refused requests once they are answered: every 401/403 as "access.denied" on the endpoint, and any other
 * error of an {@link Audited} method as its action with outcome FAILURE. A response filter sees every error answer,
 * whether an exception mapper (ProblemResponder) or a security filter produced it. The refused request's transaction
 * has rolled back by now, so the entry is written in a transaction of its own.
 */
@Provider
public class RefusalAuditor implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(RefusalAuditor.class.getName());

    @Inject
    AuditLog log;

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400) {
            return;
        }
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        try {
            if (status == 401 || status == 403) {
                log.appendSeparately("access.denied", "endpoint", endpoint(request, method), Outcome.DENIED);
                return;
            }
            Audited audited = method == null ? null : method.getAnnotation(Audited.class);
            if (audited != null) {
                String id = audited.id().isEmpty() ? null
                        : AuditTarget.idOrNull(request.getUriInfo().getPathParameters().getFirst(audited.id()));
                log.appendSeparately(audited.action(), AuditInterceptor.emptyToNull(audited.target()), id,
                        Outcome.FAILURE);
            }
        } catch (RuntimeException e) {
            // The client still gets its answer; the missing entry is loud in the log.
            LOG.log(Level.SEVERE, "Could not audit a refused request (status " + status + ")", e);
        }
    }

    private String endpoint(ContainerRequestContext request, Method method) {
        if (method == null) {
            return Endpoints.masked(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath());
        }
        return Endpoints.template(request.getMethod(), request.getUriInfo().getBaseUri().getRawPath(),
                resourceInfo.getResourceClass(), method);
    }
}
