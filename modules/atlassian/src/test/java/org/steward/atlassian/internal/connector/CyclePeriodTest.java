package org.steward.atlassian.internal.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code Cycle-Period} header in each form seen, and the values taken for a misreading. */
class CyclePeriodTest {

    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void isoDurationsAreRead() {
        assertThat(CyclePeriod.parse("P7D")).contains(WEEK);
        assertThat(CyclePeriod.parse("p7d")).contains(WEEK);
        assertThat(CyclePeriod.parse("P1W")).contains(WEEK);
        assertThat(CyclePeriod.parse("PT168H")).contains(WEEK);
        assertThat(CyclePeriod.parse("P1DT12H")).contains(Duration.ofHours(36));
        assertThat(CyclePeriod.parse("P2W3D")).contains(Duration.ofDays(17));
    }

    @Test
    void aCountOfDaysIsReadInAnyCase() {
        assertThat(CyclePeriod.parse("7 Days")).contains(WEEK);
        assertThat(CyclePeriod.parse("25 Days")).contains(Duration.ofDays(25));
        assertThat(CyclePeriod.parse("7 days")).contains(WEEK);
        assertThat(CyclePeriod.parse("7DAYS")).contains(WEEK);
        assertThat(CyclePeriod.parse("1 day")).contains(Duration.ofDays(1));
        assertThat(CyclePeriod.parse("  7   Days \t")).contains(WEEK);
    }

    @Test
    void aBareIntegerIsACountOfSeconds() {
        assertThat(CyclePeriod.parse("604800")).contains(WEEK);
        assertThat(CyclePeriod.parse(" 3600 ")).contains(Duration.ofHours(1));
    }

    @Test
    void theBoundsAreOneHourAndThreeHundredSixtySixDays() {
        assertThat(CyclePeriod.parse("PT1H")).contains(Duration.ofHours(1));
        assertThat(CyclePeriod.parse("366 days")).contains(Duration.ofDays(366));
        assertThat(CyclePeriod.parse("3599")).isEmpty();
        assertThat(CyclePeriod.parse("PT59M")).isEmpty();
        assertThat(CyclePeriod.parse("367 days")).isEmpty();
        assertThat(CyclePeriod.parse("P53W")).isEmpty();
        assertThat(CyclePeriod.parse(String.valueOf(Duration.ofDays(366).toSeconds() + 1))).isEmpty();
    }

    @Test
    void absentZeroNegativeAndUnreadableValuesAreRefused() {
        for (String refused : new String[]{null, "", "   ", "0", "0 days", "P0D", "-P7D", "PT-168H", "-604800",
                "P1M", "P1Y", "7.5 days", "7 weeks", "seven days", "days", "P", "7 Days later", "+604800",
                "99999999999999999999", "99999999999999999999 days", "P99999999999999D", "\u0667 days"}) {
            assertThat(CyclePeriod.parse(refused)).as(String.valueOf(refused)).isEmpty();
        }
    }
}
