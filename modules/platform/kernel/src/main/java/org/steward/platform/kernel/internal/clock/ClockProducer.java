package org.steward.platform.kernel.internal.clock;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one {@link Clock} that the code reads the time from ({@code @Inject Clock clock}): the system clock in UTC, or,
 * when {@code STEWARD_TESTING_CLOCK=enabled}, a {@link MovableClock} that tests move. Each instance has its own.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class.getName());

    @Inject
    @ConfigProperty(name = TestingClockConfig.KEY)
    Optional<String> testingClock;

    @Inject
    @ConfigProperty(name = DemoConfig.KEY)
    Optional<String> demoSwitch;

    private Clock clock;
    private MovableClock movable;
    private MovableClock demo;

    @PostConstruct
    void choose() {
        if (TestingClockConfig.enabled(testingClock)) {
            movable = new MovableClock(Clock.systemUTC());
            clock = movable;
            LOG.warning("TESTING CLOCK ENABLED (" + TestingClockConfig.VARIABLE + "=" + TestingClockConfig.ENABLED
                    + "): an ADMIN can move this instance's clock through /api/v1/testing/clock. Retention,"
                    + " licence expiry and every other deadline follow it. A testing aid: never in production.");
        } else if (DemoConfig.enabled(demoSwitch)) {
            // Only the demo loader moves it (DemoTime), back to the real time once the history is built.
            demo = new MovableClock(Clock.systemUTC());
            clock = demo;
        } else {
            clock = Clock.systemUTC();
        }
    }

    /** The demo loader's clock, when the demo switch is on (and the testing clock is not). */
    public Optional<MovableClock> demo() {
        return Optional.ofNullable(demo);
    }

    /** Dependent: the same instance every time, so no proxy stands between the code and the clock. */
    @Produces
    public Clock clock() {
        return clock;
    }

    /** The testing clock, when it is enabled. */
    public Optional<MovableClock> movable() {
        return Optional.ofNullable(movable);
    }
}
