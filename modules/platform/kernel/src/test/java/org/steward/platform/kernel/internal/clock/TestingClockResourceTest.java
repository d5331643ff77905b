package org.steward.platform.kernel.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

class TestingClockResourceTest {

    @Test
    void advancesByAnIsoDurationOrPeriod() {
        assertThat(TestingClockResource.amount("P30D")).isEqualTo(Duration.ofDays(30));
        assertThat(TestingClockResource.amount("PT36H")).isEqualTo(Duration.ofHours(36));
        assertThat(TestingClockResource.amount("P1M")).isEqualTo(Period.ofMonths(1));
        assertThat(TestingClockResource.amount("P1Y2M")).isEqualTo(Period.of(1, 2, 0));
    }

    @Test
    void refusesWhatIsNotAForwardAmountNamingTheField() {
        for (String bad : new String[]{"", "30 days", "P", "PT0S", "P0D", "-P1D", "-PT1H", "P1M-1D", "P-1Y"}) {
            assertThatThrownBy(() -> TestingClockResource.amount(bad)).as(bad)
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.type()).isEqualTo(ProblemType.VALIDATION);
                        assertThat(p.errors()).extracting(FieldError::field).containsExactly("by");
                    });
        }
    }
}
