package org.steward.platform.kernel.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class ValidationClockProviderTest {

    @Test
    void outsideAContainerItIsTheSystemClock() {
        assertThat(new ValidationClockProvider().getClock()).isEqualTo(Clock.systemUTC());
    }
}
