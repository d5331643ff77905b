package org.steward.subjectrights.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steward.platform.kernel.api.Csv;
import org.steward.subjectrights.api.Outcome;
import org.steward.subjectrights.api.RequestType;
import org.steward.subjectrights.internal.control.RequestMetrics.Closed;
import org.steward.subjectrights.internal.control.RequestMetrics.Row;

class RequestMetricsTest {

    private static final OffsetDateTime START = OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    private static Closed after(RequestType type, int days, Outcome outcome) {
        return new Closed(type, START, START.plusDays(days), outcome);
    }

    /** The hand-computed set: ACCESS odd (10, 20, 45), ERASURE even (5, 8, 12, 30), OBJECTION a half-day median. */
    private static List<Closed> seeded() {
        List<Closed> closed = new ArrayList<>();
        closed.add(after(RequestType.ACCESS, 20, Outcome.NO_DATA_FOUND));
        closed.add(after(RequestType.ACCESS, 10, Outcome.COMPLIED));
        closed.add(after(RequestType.ACCESS, 45, Outcome.PARTIALLY_COMPLIED));
        closed.add(new Closed(RequestType.ACCESS, START, null, Outcome.CANCELLED));
        closed.add(after(RequestType.ACCESS, 1, Outcome.CANCELLED));
        closed.add(after(RequestType.ERASURE, 30, Outcome.COMPLIED));
        closed.add(after(RequestType.ERASURE, 5, Outcome.DENIED));
        closed.add(after(RequestType.ERASURE, 12, Outcome.COMPLIED));
        closed.add(after(RequestType.ERASURE, 8, Outcome.PARTIALLY_COMPLIED));
        closed.add(after(RequestType.OBJECTION, 3, Outcome.COMPLIED));
        closed.add(after(RequestType.OBJECTION, 4, Outcome.COMPLIED));
        closed.add(after(RequestType.PORTABILITY, 1, Outcome.COMPLIED));
        closed.add(after(RequestType.PORTABILITY, 2, Outcome.DENIED));
        closed.add(after(RequestType.PORTABILITY, 2, Outcome.COMPLIED));
        return closed;
    }

    private static final Map<RequestType, Long> RECEIVED = Map.of(RequestType.ACCESS, 7L, RequestType.ERASURE, 4L,
            RequestType.OBJECTION, 2L, RequestType.PORTABILITY, 3L, RequestType.COMPLAINT, 1L);

    @Test
    void matchesTheHandComputedFigures() {
        List<Row> rows = RequestMetrics.compute(RECEIVED, seeded());
        assertThat(rows).extracting(Row::type).containsExactly(RequestType.values());
        assertThat(rows.get(RequestType.ACCESS.ordinal()))
                .isEqualTo(new Row(RequestType.ACCESS, 7, 2, 1, 0, 20.0, 25.0));
        assertThat(rows.get(RequestType.ERASURE.ordinal()))
                .isEqualTo(new Row(RequestType.ERASURE, 4, 2, 1, 1, 10.0, 13.8)); // 55 / 4 = 13.75
        assertThat(rows.get(RequestType.OBJECTION.ordinal()))
                .isEqualTo(new Row(RequestType.OBJECTION, 2, 2, 0, 0, 3.5, 3.5));
        assertThat(rows.get(RequestType.PORTABILITY.ordinal()))
                .isEqualTo(new Row(RequestType.PORTABILITY, 3, 2, 0, 1, 2.0, 1.7)); // 5 / 3
        assertThat(rows.get(RequestType.COMPLAINT.ordinal()))
                .isEqualTo(new Row(RequestType.COMPLAINT, 1, 0, 0, 0, null, null));
        assertThat(rows.get(RequestType.RECTIFICATION.ordinal()))
                .isEqualTo(new Row(RequestType.RECTIFICATION, 0, 0, 0, 0, null, null));
    }

    @Test
    void onlyCancelledRequestsGiveNoTiming() {
        List<Row> rows = RequestMetrics.compute(Map.of(RequestType.ERASURE, 1L),
                List.of(after(RequestType.ERASURE, 3, Outcome.CANCELLED)));
        assertThat(rows.get(RequestType.ERASURE.ordinal()))
                .isEqualTo(new Row(RequestType.ERASURE, 1, 0, 0, 0, null, null));
    }

    @Test
    void daysAreCountedBetweenUtcDates() {
        // Received 23:00 UTC, answered 01:00 UTC the next day: one calendar day, though two hours.
        OffsetDateTime late = OffsetDateTime.of(2025, 3, 1, 23, 0, 0, 0, ZoneOffset.UTC);
        // 23:00 in New York on 1 March is 04:00 UTC on 2 March.
        OffsetDateTime lateInNewYork = OffsetDateTime.of(2025, 3, 1, 23, 0, 0, 0, ZoneOffset.ofHours(-5));
        List<Row> rows = RequestMetrics.compute(Map.of(), List.of(
                new Closed(RequestType.RECTIFICATION, late, late.plusHours(2), Outcome.COMPLIED),
                new Closed(RequestType.RECTIFICATION, lateInNewYork,
                        OffsetDateTime.of(2025, 3, 4, 0, 0, 0, 0, ZoneOffset.UTC), Outcome.COMPLIED)));
        assertThat(rows.get(RequestType.RECTIFICATION.ordinal()).medianDays()).isEqualTo(1.5);
        assertThat(rows.get(RequestType.RECTIFICATION.ordinal()).meanDays()).isEqualTo(1.5);
    }

    @Test
    void csvHasAHeaderAndOneRowPerType() {
        String csv = RequestMetrics.csv(2025, RequestMetrics.compute(RECEIVED, seeded()));
        List<Csv.Row> parsed = Csv.parse(csv);
        assertThat(parsed).hasSize(1 + RequestType.values().length);
        assertThat(parsed.get(0).fields()).containsExactly("year", "request type", "received", "complied in whole",
                "complied in part", "denied", "median days to respond", "mean days to respond");
        assertThat(csv).contains("\r\n2025,ERASURE,4,2,1,1,10.0,13.8\r\n");
        assertThat(parsed.get(1 + RequestType.ACCESS.ordinal()).fields())
                .containsExactly("2025", "ACCESS", "7", "2", "1", "0", "20.0", "25.0");
        assertThat(parsed.get(1 + RequestType.COMPLAINT.ordinal()).fields())
                .containsExactly("2025", "COMPLAINT", "1", "0", "0", "0", "", "");
    }
}
