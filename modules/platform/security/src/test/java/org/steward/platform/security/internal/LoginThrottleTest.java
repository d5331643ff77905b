package org.steward.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock that only moves when the test says so. */
    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StepClock clock = new StepClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void aFreshUsernameIsAllowed() {
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isZero();
    }

    @Test
    void theDelayForOneAccountFromOneAddressGrowsExponentiallyUpToTheCap() {
        fail("alice", "10.0.0.1", LoginThrottle.PAIR_FREE_FAILURES - 1);
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isZero();
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isEqualTo(1);
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isEqualTo(2);
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isEqualTo(4);
        clock.advance(Duration.ofSeconds(4));
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isZero();

        fail("alice", "10.0.0.1", 20);
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isEqualTo(LoginThrottle.MAX_DELAY.toSeconds());
    }

    @Test
    void anAttackerOnOneAddressDoesNotLockTheAccountElsewhere() {
        fail("admin", "203.0.113.7", 10);
        assertThat(throttle.retryAfterSeconds("admin", "203.0.113.7")).isPositive();
        assertThat(throttle.retryAfterSeconds("admin", "10.0.0.1")).isZero();
        assertThat(throttle.retryAfterSeconds("bob", "10.0.0.1")).isZero();
    }

    @Test
    void aSuccessClearsThePairAndTheQuietPeriodForgetsFailures() {
        fail("alice", "10.0.0.1", 5);
        clock.advance(Duration.ofMinutes(1));
        throttle.succeeded("alice", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isZero();

        fail("bob", "10.0.0.2", 12);
        assertThat(throttle.retryAfterSeconds("bob", "10.0.0.2")).isPositive();
        clock.advance(LoginThrottle.QUIET.plusSeconds(1));
        assertThat(throttle.retryAfterSeconds("bob", "10.0.0.2")).isZero();
        throttle.failed("bob", "10.0.0.2");
        assertThat(throttle.retryAfterSeconds("bob", "10.0.0.2")).as("the count restarted").isZero();
    }

    @Test
    void aSprayFromOneAddressIsSlowedForEveryAccountFromThatAddressButKnownGoodPairs() {
        throttle.succeeded("carol", "10.0.0.9");
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.retryAfterSeconds("someone-else", "10.0.0.9")).isPositive();
        assertThat(throttle.retryAfterSeconds("someone-else", "10.0.0.10")).isZero();
        assertThat(throttle.retryAfterSeconds("user0", "10.0.0.10")).isZero();
        assertThat(throttle.retryAfterSeconds("carol", "10.0.0.9")).as("known-good").isZero();
    }

    @Test
    void distributedGuessingSlowsUnknownAddressesButNeverTheRightfulUserAtAKnownGoodAddress() {
        throttle.succeeded("admin", "10.0.0.1");
        for (int i = 0; i < 200; i++) {
            throttle.failed("admin", "198.51.100." + i);
        }
        assertThat(throttle.retryAfterSeconds("admin", "198.51.100.250")).as("a new address").isPositive();
        assertThat(throttle.retryAfterSeconds("admin", "10.0.0.1")).as("the usual address").isZero();
        assertThat(throttle.retryAfterSeconds("bob", "198.51.100.250")).isZero();

        clock.advance(LoginThrottle.KNOWN_GOOD_FOR.plusDays(1));
        fail("admin", "198.51.100.1", 30);
        assertThat(throttle.retryAfterSeconds("admin", "10.0.0.1")).as("known-good expired").isPositive();
    }

    @Test
    void forgottenUsersLoseTheirFailuresAndKnownGoodAddresses() {
        throttle.succeeded("dora", "10.0.0.1");
        fail("dora", "10.0.0.2", 30);
        throttle.forget(List.of("dora"));
        assertThat(throttle.retryAfterSeconds("dora", "10.0.0.2")).isZero();
        assertThat(throttle.retryAfterSeconds("dora", "10.0.0.3")).isZero();
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i < LoginThrottle.MAX_ENTRIES + 10; i++) {
            throttle.failed("u" + i, "10.1.0.1");
        }
        // the oldest keys were dropped, the newest are still counted
        fail("last", "10.2.0.1", LoginThrottle.PAIR_FREE_FAILURES);
        assertThat(throttle.retryAfterSeconds("last", "10.2.0.1")).isPositive();
    }
}
