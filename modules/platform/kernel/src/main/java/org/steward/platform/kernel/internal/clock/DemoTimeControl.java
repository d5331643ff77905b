package org.steward.platform.kernel.internal.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.steward.platform.kernel.api.DemoTime;

@ApplicationScoped
public class DemoTimeControl implements DemoTime {

    @Inject
    ClockProducer clocks;

    @Override
    public boolean enabled() {
        return clocks.demo().isPresent();
    }

    @Override
    public void travelTo(Instant instant) {
        clocks.demo().orElseThrow(() -> new IllegalStateException("not in demo mode")).set(instant);
    }

    @Override
    public void backToNow() {
        clocks.demo().ifPresent(MovableClock::reset);
    }
}
