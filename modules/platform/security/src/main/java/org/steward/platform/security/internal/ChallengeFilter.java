package org.steward.platform.security.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Payara's own 401 for {@code @RolesAllowed} carries no challenge; clients need one to know what to send. The
 * console's requests (they carry the CSRF header) get a challenge no browser answers with its own password dialog.
 */
@Provider
public class ChallengeFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 401) {
            boolean console = request.getHeaderString(ConsoleSessions.CSRF_HEADER) != null
                    || request.getUriInfo().getPath().endsWith("v1/session");
            response.getHeaders().putSingle("WWW-Authenticate",
                    console ? "Session realm=\"steward\"" : StewardAuthenticationMechanism.CHALLENGE);
        }
    }
}
