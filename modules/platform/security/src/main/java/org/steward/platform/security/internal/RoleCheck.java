package org.steward.platform.security.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.CurrentCaller;

/**
 * One resource method's roles: an anonymous caller gets a 401 (with its challenge, from {@link ChallengeFilter}), an
 * authenticated one without any of the roles a 403. No roles at all is {@code @DenyAll}: a 403 for everyone.
 */
@Priority(Priorities.AUTHORIZATION)
final class RoleCheck implements ContainerRequestFilter {

    private final CurrentCaller caller;
    private final Set<String> allowed;

    RoleCheck(CurrentCaller caller, Set<String> allowed) {
        this.caller = caller;
        this.allowed = allowed;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Caller c = caller.get();
        if (!allowed.isEmpty() && c.kind() == Caller.Kind.ANONYMOUS) {
            throw new NotAuthorizedException("Authentication required", Response.status(Response.Status.UNAUTHORIZED)
                    .build());
        }
        if (c.roles().stream().noneMatch(r -> allowed.contains(r.name()))) {
            throw new ForbiddenException("The caller has none of the roles this resource allows");
        }
    }
}
