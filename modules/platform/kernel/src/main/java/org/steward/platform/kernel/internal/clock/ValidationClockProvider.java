package org.steward.platform.kernel.internal.clock;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * Gives Bean Validation ({@code @PastOrPresent} and the like) Steward's clock, so that "not in the future" means the
 * same instant as everywhere else. Named in {@code META-INF/validation.xml}; the validator creates it without CDI,
 * so it looks the clock up on each use. Outside a container (plain unit tests) it is the system clock.
 */
public class ValidationClockProvider implements ClockProvider {

    @Override
    public Clock getClock() {
        CDI<Object> cdi;
        try {
            cdi = CDI.current();
        } catch (IllegalStateException noContainer) {
            return Clock.systemUTC();
        }
        return cdi.select(Clock.class).get();
    }
}
