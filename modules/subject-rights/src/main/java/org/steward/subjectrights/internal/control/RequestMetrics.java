package org.steward.subjectrights.internal.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.steward.platform.kernel.api.Csv;
import org.steward.subjectrights.api.Outcome;
import org.steward.subjectrights.api.RequestType;

/**
 * CCPA Regs §7102(a): per request type, the requests received, complied with in whole or in part, and denied, and
 * the median and mean number of days to respond. A request where no personal information was found was answered in
 * full, so it counts as complied with in whole; a cancelled one was never answered and counts in neither the
 * outcomes nor the days. Days are calendar days from receipt to response, with one decimal.
 */
public final class RequestMetrics {

    public record Closed(RequestType type, OffsetDateTime receivedAt, OffsetDateTime respondedAt, Outcome outcome) {
    }

    public record Row(RequestType type, long received, long compliedInWhole, long compliedInPart, long denied,
                      Double medianDays, Double meanDays) {
    }

    private RequestMetrics() {
    }

    public static List<Row> compute(Map<RequestType, Long> received, List<Closed> closed) {
        List<Row> rows = new ArrayList<>();
        for (RequestType type : RequestType.values()) {
            long whole = 0;
            long part = 0;
            long denied = 0;
            List<Double> days = new ArrayList<>();
            for (Closed c : closed) {
                if (c.type() != type || c.outcome() == Outcome.CANCELLED) {
                    continue;
                }
                switch (c.outcome()) {
                    case COMPLIED, NO_DATA_FOUND -> whole++;
                    case PARTIALLY_COMPLIED -> part++;
                    case DENIED -> denied++;
                    case CANCELLED -> {
                    }
                }
                days.add(Duration.between(c.receivedAt(), c.respondedAt()).toSeconds() / 86_400.0);
            }
            days.sort(Double::compare);
            Double median = days.isEmpty() ? null : round(days.size() % 2 == 1 ? days.get(days.size() / 2)
                    : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2);
            Double mean = days.isEmpty() ? null
                    : round(days.stream().mapToDouble(Double::doubleValue).sum() / days.size());
            rows.add(new Row(type, received.getOrDefault(type, 0L), whole, part, denied, median, mean));
        }
        return rows;
    }

    public static String csv(int year, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        Csv.Writer w = Csv.writer(out);
        w.row(List.of("year", "requestType", "received", "compliedInWhole", "compliedInPart", "denied",
                "medianDaysToRespond", "meanDaysToRespond"));
        for (Row r : rows) {
            w.row(List.of(Integer.toString(year), r.type().name(), Long.toString(r.received()),
                    Long.toString(r.compliedInWhole()), Long.toString(r.compliedInPart()), Long.toString(r.denied()),
                    r.medianDays() == null ? "" : r.medianDays().toString(),
                    r.meanDays() == null ? "" : r.meanDays().toString()));
        }
        return out.toString();
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
