package org.steward.platform.kernel.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MovableClockTest {

    /** A real clock that the test moves by hand. */
    private static final class Manual extends Clock {
        Instant now = Instant.parse("2027-01-31T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Manual real = new Manual();
    private final MovableClock clock = new MovableClock(real);

    @Test
    void readsTheRealTimeUntilMoved() {
        assertThat(clock.instant()).isEqualTo(real.now);
        assertThat(clock.offset()).isZero();
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void runsOnFromWhereItWasSet() {
        clock.set(Instant.parse("2030-06-01T00:00:00Z"));
        real.now = real.now.plusSeconds(90);

        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-06-01T00:01:30Z"));
    }

    @Test
    void canBeSetBackwards() {
        clock.set(Instant.parse("2020-01-01T00:00:00Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(clock.offset()).isNegative();
    }

    @Test
    void advancesByDurationsAndAddsUp() {
        clock.advance(Duration.ofDays(30));
        clock.advance(Duration.ofHours(36));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-03-04T00:00:00Z")); // 2 March 12:00 + 36 h
        assertThat(clock.offset()).isEqualTo(Duration.ofHours(30 * 24 + 36));
    }

    @Test
    void advancesByCalendarMonthsInUtc() {
        clock.advance(Period.ofMonths(1)); // 31 January + 1 month: the last day of February

        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-02-28T12:00:00Z"));
    }

    @Test
    void resetGoesBackToTheRealTime() {
        clock.advance(Duration.ofDays(400));
        clock.reset();

        assertThat(clock.instant()).isEqualTo(real.now);
    }

    @Test
    void aZoneViewSharesTheMovableTime() {
        Clock seoul = clock.withZone(ZoneId.of("Asia/Seoul"));
        clock.advance(Duration.ofDays(1));

        assertThat(seoul.instant()).isEqualTo(clock.instant());
        assertThat(seoul.getZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }
}
