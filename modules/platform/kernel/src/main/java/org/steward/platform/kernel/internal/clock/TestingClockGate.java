package org.steward.platform.kernel.internal.clock;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Without {@code STEWARD_TESTING_CLOCK=enabled} the testing endpoints do not exist: 404 to everyone, like any unknown
 * path, before the role check could give them away with a 401 or 403.
 */
@Provider
@PreMatching
@Priority(Priorities.USER + 100) // after the correlation filter, so that the 404 carries the request's id
public class TestingClockGate implements ContainerRequestFilter {

    @Inject
    ClockProducer clocks;

    @Override
    public void filter(ContainerRequestContext request) {
        List<PathSegment> segments = request.getUriInfo().getPathSegments();
        if (segments.size() >= 2 && "v1".equals(segments.get(0).getPath())
                && "testing".equals(segments.get(1).getPath()) && clocks.movable().isEmpty()) {
            throw new NotFoundException();
        }
    }
}
