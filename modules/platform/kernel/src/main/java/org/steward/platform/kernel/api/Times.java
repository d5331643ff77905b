package org.steward.platform.kernel.api;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time as Steward stores it: read from the injected {@link Clock} ({@code @Inject Clock clock}), in UTC,
 * truncated to microseconds so that H2 and PostgreSQL round-trip it alike. Plain-logic classes take the clock or the
 * time as a parameter, so that tests can pass a fixed one.
 */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** A time given by a client, as stored: in UTC, truncated to microseconds. */
    public static OffsetDateTime of(OffsetDateTime given) {
        return given.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
