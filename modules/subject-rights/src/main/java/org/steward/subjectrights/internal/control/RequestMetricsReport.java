package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.steward.subjectrights.api.Outcome;
import org.steward.subjectrights.api.RequestType;

/**
 * The CCPA §7102 figures for a calendar year (UTC): the requests received that year, and how those that were
 * answered ended and how long they took. Read from the request log, which keeps these fields after erasure.
 */
@ApplicationScoped
public class RequestMetricsReport {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    /** The JSON answer: the year and one row per request type. */
    public record Report(int year, List<RequestMetrics.Row> types) {
    }

    public Report json(int year) {
        return new Report(year, rows(year));
    }

    public String csv(int year) {
        return RequestMetrics.csv(year, rows(year));
    }

    private List<RequestMetrics.Row> rows(int year) {
        OffsetDateTime from = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime to = from.plusYears(1);
        Map<RequestType, Long> received = new EnumMap<>(RequestType.class);
        for (Object[] row : em.createQuery("SELECT r.type, COUNT(r) FROM Request r WHERE r.receivedAt >= :from"
                        + " AND r.receivedAt < :to GROUP BY r.type", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            received.put((RequestType) row[0], (Long) row[1]);
        }
        List<RequestMetrics.Closed> closed = em.createQuery("SELECT r.type, r.receivedAt, r.closedAt, r.outcome"
                        + " FROM Request r WHERE r.receivedAt >= :from AND r.receivedAt < :to"
                        + " AND r.closedAt IS NOT NULL", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(row -> new RequestMetrics.Closed((RequestType) row[0], (OffsetDateTime) row[1],
                        (OffsetDateTime) row[2], (Outcome) row[3])).toList();
        return RequestMetrics.compute(received, closed);
    }
}
