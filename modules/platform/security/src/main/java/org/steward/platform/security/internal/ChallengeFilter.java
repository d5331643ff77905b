package org.steward.platform.security.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Payara's own 401 for {@code @RolesAllowed} carries no challenge; clients need one to know what to send. */
@Provider
public class ChallengeFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 401) {
            response.getHeaders().putSingle("WWW-Authenticate", StewardAuthenticationMechanism.CHALLENGE);
        }
    }
}
