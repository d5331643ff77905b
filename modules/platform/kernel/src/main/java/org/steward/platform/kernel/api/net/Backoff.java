package org.steward.platform.kernel.api.net;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to retry a call that failed: 10 s (or the configured first delay) after the first failure, doubling each time
 * up to 1 hour (or the configured cap), each delay spread by ±20% so that calls failed together (a receiver's outage)
 * do not all come back in the same second.
 *
 * <p>The cap applies to the schedule before the spread, so a capped delay is 48 to 72 minutes. As thread-safe as
 * the generator given ({@link java.util.Random} and {@link java.security.SecureRandom} are).
 */
public final class Backoff {

    /** The default delay after the first failed attempt, before the spread. */
    public static final Duration FIRST = Duration.ofSeconds(10);

    /** The longest delay before the spread. */
    public static final Duration CAP = Duration.ofHours(1);

    /** The spread either way, as a fraction of the delay. */
    public static final double JITTER = 0.2;

    private final RandomGenerator random;
    private final Duration first;
    private final Duration cap;

    /**
     * @param first  the delay after the first failed attempt (an operator setting; {@link #FIRST} by default)
     * @param random the source of the spread; a fixed one makes the delays predictable in tests
     */
    public Backoff(Duration first, RandomGenerator random) {
        this(first, CAP, random);
    }

    /** With another longest delay than {@link #CAP} (an API that asks for patience, such as Atlassian's). */
    public Backoff(Duration first, Duration cap, RandomGenerator random) {
        this.first = requirePositive(first, "first");
        this.cap = requirePositive(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /**
     * The delay before the next attempt.
     *
     * @param attempt how many attempts have failed so far, from 1
     * @throws IllegalArgumentException if {@code attempt} is below 1
     */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1");
        }
        long start = first.toMillis();
        long cap = this.cap.toMillis();
        // Past 2^30 the doubling would overflow; by then the cap has long applied.
        long nominal = attempt > 30 ? cap : Math.min(cap, start << (attempt - 1));
        double factor = 1 - JITTER + 2 * JITTER * random.nextDouble();
        return Duration.ofMillis(Math.round(nominal * factor));
    }
}
