package org.steward.atlassian.internal.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} as delta-seconds or as an HTTP-date, capped at a day. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @Test
    void delaySecondsAreRead() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsTheTimeLeftUntilIt() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:30:00 GMT", NOW)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Tue, 20 Oct 2015 07:28:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void theWaitIsCappedAtOneDay() {
        assertThat(RetryAfter.parse("86400", NOW)).contains(Duration.ofDays(1));
        assertThat(RetryAfter.parse("86401", NOW)).contains(Duration.ofDays(1));
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).contains(Duration.ofDays(1));
        assertThat(RetryAfter.parse("Fri, 23 Oct 2015 07:28:00 GMT", NOW)).contains(Duration.ofDays(1));
    }

    @Test
    void anythingElseIsRefused() {
        for (String refused : new String[]{null, "", "  ", "-1", "1.5", "+10", "soon", "10s", "PT10S",
                "2015-10-21T07:30:00Z", "Wed, 21 Oct 2015 07:30:00", "Wed, 32 Oct 2015 07:30:00 GMT"}) {
            assertThat(RetryAfter.parse(refused, NOW)).as(String.valueOf(refused)).isEmpty();
        }
    }
}
