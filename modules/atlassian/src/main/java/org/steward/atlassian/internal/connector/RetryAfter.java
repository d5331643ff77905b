package org.steward.atlassian.internal.connector;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP {@code Retry-After} header (RFC 9110, section 10.2.3) that Atlassian sends with a 429 or 503: either
 * delta-seconds or an HTTP-date. The wait is capped at {@link #MAX} so that a wrong or hostile value cannot park
 * the connector for good; a date already past means "now".
 */
public final class RetryAfter {

    static final Duration MAX = Duration.ofDays(1);

    private static final Pattern SECONDS = Pattern.compile("[0-9]+");

    private RetryAfter() {
    }

    /** How long to wait from {@code now}, or empty if the header is absent or neither form. */
    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (SECONDS.matcher(value).matches()) {
            // More than 18 digits may not fit a long, and is far beyond the cap anyway.
            return Optional.of(value.length() > 18 ? MAX : min(Duration.ofSeconds(Long.parseLong(value))));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : min(wait));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
