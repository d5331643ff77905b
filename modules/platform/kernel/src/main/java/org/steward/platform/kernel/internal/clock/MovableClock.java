package org.steward.platform.kernel.internal.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real clock plus an offset that tests set or advance: time keeps flowing from wherever it was put, so leases,
 * ordering and timers behave as they do in production. Only the testing clock uses it.
 */
public final class MovableClock extends Clock {

    private final Clock real;
    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    public MovableClock(Clock real) {
        this(real, ZoneOffset.UTC, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock real, ZoneId zone, AtomicReference<Duration> offset) {
        this.real = real;
        this.zone = zone;
        this.offset = offset;
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same movable time, seen in another zone. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new MovableClock(real, newZone, offset);
    }

    /** From now on the clock reads {@code now}, and runs on from there. */
    public void set(Instant now) {
        offset.set(Duration.between(real.instant(), now));
    }

    /**
     * Moves the clock on by {@code amount}: a {@link Duration} ({@code PT36H}) or a {@link java.time.Period}
     * ({@code P1M}, calendar months in UTC).
     */
    public void advance(TemporalAmount amount) {
        offset.updateAndGet(o -> {
            Instant now = real.instant().plus(o);
            return o.plus(Duration.between(now, now.atOffset(ZoneOffset.UTC).plus(amount).toInstant()));
        });
    }

    /** Back to the real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    /** How far this clock is ahead of the real one (negative: behind). */
    public Duration offset() {
        return offset.get();
    }
}
