package org.steward.platform.kernel.internal;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.steward.platform.kernel.api.Correlation;

/** Gives every API request a correlation id and the response headers that every answer must carry. */
@Provider
@PreMatching
public class CorrelationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    Correlation correlation;

    @Override
    public void filter(ContainerRequestContext request) {
        correlation.adopt(request.getHeaderString(Correlation.HEADER));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle(Correlation.HEADER, correlation.id());
        headers.putSingle("X-Content-Type-Options", "nosniff");
        // API answers may hold personal data: no shared or private cache may keep them.
        headers.putSingle("Cache-Control", "no-store");
    }
}
