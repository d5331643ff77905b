package org.steward.platform.kernel.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestingClockConfigTest {

    @Test
    void unsetOrEmptyIsTheRealClock() {
        assertThat(TestingClockConfig.enabled(Optional.empty())).isFalse();
        assertThat(TestingClockConfig.enabled(Optional.of(""))).isFalse();
        assertThat(TestingClockConfig.enabled(Optional.of("  "))).isFalse();
    }

    @Test
    void exactlyEnabledTurnsItOn() {
        assertThat(TestingClockConfig.enabled(Optional.of("enabled"))).isTrue();
    }

    @Test
    void anythingElseStopsTheStartWithItsReason() {
        for (String value : new String[]{"true", "yes", "on", "1", "ENABLED", " enabled", "enabled ", "disabled",
                "false"}) {
            assertThatThrownBy(() -> TestingClockConfig.enabled(Optional.of(value))).as(value)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("STEWARD_TESTING_CLOCK").hasMessageContaining("'enabled'")
                    .hasMessageContaining("never in production");
        }
    }

    @Test
    void theRefusalShowsALongOrOddValueOnlyInPart() {
        assertThatThrownBy(() -> TestingClockConfig.enabled(Optional.of("x".repeat(500) + "\n")))
                .hasMessageNotContaining("x".repeat(41)).hasMessageNotContaining("\n");
        assertThatThrownBy(() -> TestingClockConfig.enabled(Optional.of("on\r\nFORGED LOG LINE")))
                .hasMessageNotContaining("\r").hasMessageNotContaining("\n");
    }
}
