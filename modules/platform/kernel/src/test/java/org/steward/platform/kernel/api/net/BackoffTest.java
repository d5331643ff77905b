package org.steward.platform.kernel.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** A generator whose nextDouble() is always {@code value}. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void startsAt10SecondsAndDoublesUpToOneHour() {
        Backoff backoff = new Backoff(Backoff.FIRST, fixed(0.5));

        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delay(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(backoff.delay(10)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delay(31)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void spreadsEachDelayBy20PercentEitherWay() {
        assertThat(new Backoff(Backoff.FIRST, fixed(0.0)).delay(1)).isEqualTo(Duration.ofSeconds(8));
        assertThat(new Backoff(Backoff.FIRST, fixed(0.999_999)).delay(1)).isBetween(Duration.ofMillis(11_999), Duration.ofSeconds(12));
        assertThat(new Backoff(Backoff.FIRST, fixed(0.0)).delay(20)).isEqualTo(Duration.ofMinutes(48));
        assertThat(new Backoff(Backoff.FIRST, fixed(0.999_999)).delay(20)).isLessThanOrEqualTo(Duration.ofMinutes(72));
    }

    @Test
    void staysWithinTheSpreadForARealGenerator() {
        Backoff backoff = new Backoff(Backoff.FIRST, new SplittableRandom(42));

        for (int attempt = 1; attempt <= 12; attempt++) {
            long nominal = Math.min(3_600_000L, 10_000L << (attempt - 1));
            assertThat(backoff.delay(attempt).toMillis()).isBetween(Math.round(nominal * 0.8), Math.round(nominal * 1.2));
        }
    }

    @Test
    void countsAttemptsFromOne() {
        Backoff backoff = new Backoff(Backoff.FIRST, fixed(0.5));

        assertThatThrownBy(() -> backoff.delay(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.delay(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
