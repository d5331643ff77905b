package org.steward.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();

    @Test
    void aFreshUsernameIsAllowed() {
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isZero();
    }

    @Test
    void fiveFailuresBlockTheUsernameWithAPositiveRetryAfter() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("alice", "10.0.0.1");
            assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).as("after %d failures", i + 1).isZero();
        }
        throttle.failed("alice", "10.0.0.1");

        long wait = throttle.retryAfterSeconds("alice", "10.0.0.1");
        assertThat(wait).isPositive().isLessThanOrEqualTo(LoginThrottle.WINDOW.toSeconds());
        // the username is blocked from any address
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.2")).isPositive();
    }

    @Test
    void otherUsernamesAreUnaffected() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.retryAfterSeconds("bob", "10.0.0.2")).isZero();
        assertThat(throttle.retryAfterSeconds("bob", "10.0.0.1")).isZero();
    }

    @Test
    void aSuccessResetsTheUsername() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        throttle.succeeded("alice");
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isZero();
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("alice", "10.0.0.1")).isPositive();
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryUsernameFromThatAddress() {
        int limit = LoginThrottle.MAX_ADDRESS_FAILURES;
        for (int i = 0; i < limit - 1; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.retryAfterSeconds("someone-else", "10.0.0.9")).isZero();
        throttle.failed("user" + (limit - 1), "10.0.0.9");

        assertThat(throttle.retryAfterSeconds("someone-else", "10.0.0.9")).isPositive();
        assertThat(throttle.retryAfterSeconds("someone-else", "10.0.0.10")).isZero();
        // each of those usernames failed once only, so from elsewhere they are fine
        assertThat(throttle.retryAfterSeconds("user0", "10.0.0.10")).isZero();
    }

    @Test
    void aSuccessDoesNotResetTheAddress() {
        for (int i = 0; i < LoginThrottle.MAX_ADDRESS_FAILURES; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        throttle.succeeded("user0");
        assertThat(throttle.retryAfterSeconds("user0", "10.0.0.9")).isPositive();
    }
}
