package org.steward.atlassian.internal.connector;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Cycle-Period} header of Atlassian's personal data reporting API: how long to wait before reporting
 * the same accounts again. Its format is not documented; the forms seen are {@code P7D}, {@code 7 Days},
 * {@code 25 Days} and {@code 604800} (seconds), so exactly those shapes are read: an ISO-8601 duration (weeks and
 * days included, years and months refused as having no fixed length), {@code N day(s)} in any case, or a bare count
 * of seconds. A value outside 1 hour to 366 days is taken for a misreading, not a schedule: the caller keeps its
 * default rather than polling every second or never again.
 */
public final class CyclePeriod {

    static final Duration MIN = Duration.ofHours(1);
    static final Duration MAX = Duration.ofDays(366);

    private static final Pattern SECONDS = Pattern.compile("[0-9]+");
    private static final Pattern DAYS = Pattern.compile("([0-9]+) *days?", Pattern.CASE_INSENSITIVE);

    private CyclePeriod() {
    }

    /** The period the header asks for, or empty if it is absent, unreadable or implausible. */
    public static Optional<Duration> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            Duration period;
            Matcher days = DAYS.matcher(value);
            if (SECONDS.matcher(value).matches()) {
                period = Duration.ofSeconds(Long.parseLong(value));
            } else if (days.matches()) {
                period = Duration.ofDays(Long.parseLong(days.group(1)));
            } else if (value.startsWith("P") || value.startsWith("p")) {
                period = iso(value);
            } else {
                return Optional.empty();
            }
            return period == null || period.compareTo(MIN) < 0 || period.compareTo(MAX) > 0
                    ? Optional.empty() : Optional.of(period);
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty(); // more digits than a long holds: far beyond MAX anyway
        }
    }

    /** {@code PT168H}, {@code P7DT12H} through {@link Duration}; {@code P1W} through {@link Period}. */
    private static Duration iso(String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException notADuration) {
            try {
                Period period = Period.parse(value);
                return period.getYears() == 0 && period.getMonths() == 0 ? Duration.ofDays(period.getDays()) : null;
            } catch (DateTimeParseException notAPeriod) {
                return null;
            }
        }
    }
}
