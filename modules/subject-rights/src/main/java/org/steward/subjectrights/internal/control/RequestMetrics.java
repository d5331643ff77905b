package org.steward.subjectrights.internal.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.steward.platform.kernel.api.Csv;
import org.steward.subjectrights.api.Outcome;
import org.steward.subjectrights.api.RequestType;

/**
 * The yearly request metrics a business disclosing under CCPA publishes (11 CCR §7102(a)): per type, the requests
 * received, complied with in whole or in part, and denied, and the median and mean number of days to respond.
 *
 * <p>{@link Outcome#NO_DATA_FOUND} counts as complied with in whole: the request was answered in full (the answer is
 * that nothing is held), and nothing was withheld or refused. A cancelled request had no answer, so it is neither
 * counted as an outcome nor timed. Days are calendar days between the UTC dates of receipt and response, as the
 * deadlines count them.
 */
public final class RequestMetrics {

    private static final List<String> HEADER = List.of("year", "request type", "received", "complied in whole",
            "complied in part", "denied", "median days to respond", "mean days to respond");

    private RequestMetrics() {
    }

    /** A closed request; {@code respondedAt} may be null only for a cancelled one. */
    public record Closed(RequestType type, OffsetDateTime receivedAt, OffsetDateTime respondedAt, Outcome outcome) {
        public Closed {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(outcome, "outcome");
            if (respondedAt == null && outcome != Outcome.CANCELLED) {
                throw new IllegalArgumentException("a " + outcome + " request has a response time");
            }
        }
    }

    /** One type's figures; the days are null when no request of the type was answered. */
    public record Row(RequestType type, long received, long compliedInWhole, long compliedInPart, long denied,
                      Double medianDays, Double meanDays) {
    }

    /** One row per request type, all eight in enum order, from the counts received and the requests closed. */
    public static List<Row> compute(Map<RequestType, Long> received, List<Closed> closed) {
        List<Row> rows = new ArrayList<>();
        for (RequestType type : RequestType.values()) {
            long whole = 0;
            long part = 0;
            long denied = 0;
            List<Long> days = new ArrayList<>();
            for (Closed c : closed) {
                if (c.type() != type || c.outcome() == Outcome.CANCELLED) {
                    continue;
                }
                switch (c.outcome()) {
                    case COMPLIED, NO_DATA_FOUND -> whole++;
                    case PARTIALLY_COMPLIED -> part++;
                    case DENIED -> denied++;
                    case CANCELLED -> throw new IllegalStateException(); // skipped above
                }
                days.add(ChronoUnit.DAYS.between(utcDate(c.receivedAt()), utcDate(c.respondedAt())));
            }
            rows.add(new Row(type, received.getOrDefault(type, 0L), whole, part, denied, median(days), mean(days)));
        }
        return List.copyOf(rows);
    }

    /** The rows as CSV with a header row, the year on every row, days with one decimal (empty when none). */
    public static String csv(int year, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        Csv.Writer writer = Csv.writer(out).row(HEADER);
        for (Row r : rows) {
            writer.row(List.of(Integer.toString(year), r.type().name(), Long.toString(r.received()),
                    Long.toString(r.compliedInWhole()), Long.toString(r.compliedInPart()), Long.toString(r.denied()),
                    decimal(r.medianDays()), decimal(r.meanDays())));
        }
        return out.toString();
    }

    private static LocalDate utcDate(OffsetDateTime t) {
        return t.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static Double median(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        List<Long> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        long twice = n % 2 == 1 ? 2 * sorted.get(n / 2) : sorted.get(n / 2 - 1) + sorted.get(n / 2);
        return oneDecimal(BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(2)));
    }

    private static Double mean(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        long sum = days.stream().mapToLong(Long::longValue).sum();
        return oneDecimal(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(days.size()), 10, RoundingMode.HALF_UP));
    }

    private static Double oneDecimal(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
