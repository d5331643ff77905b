package org.steward.platform.kernel.internal.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.steward.platform.kernel.api.Times;

/**
 * Says in {@code /health/ready} whether this instance runs on the testing clock, and where it stands, so that a
 * server started with it cannot pass for a normal one. Always UP: the clock never makes an instance unready.
 */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class TestingClockHealth implements HealthCheck {

    @Inject
    ClockProducer clocks;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("clock").up();
        clocks.movable().ifPresentOrElse(clock -> response.withData("testingClock", true)
                        .withData("now", Times.now(clock).toString()).withData("aheadBy", clock.offset().toString()),
                () -> response.withData("testingClock", false));
        return response.build();
    }
}
