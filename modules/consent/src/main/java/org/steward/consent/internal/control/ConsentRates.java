package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.steward.consent.api.ConsentStatus;

/**
 * A purpose's consent over time, week by week (ISO weeks, UTC): how many holders (subjects and website visitors'
 * devices) stood in each state at the end of the week, and how many actions the week saw. Replayed from the event
 * log, so it needs no counters that could drift from it; one purpose and at most two years at a time.
 */
@ApplicationScoped
public class ConsentRates {

    public record Week(LocalDate start, int holders, Map<ConsentStatus, Integer> states,
                       Map<ConsentStatus, Integer> changes) {
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    public List<Week> weekly(String purposeKey, String tenantId, int weeks, OffsetDateTime now) {
        LocalDate thisWeek = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(weeks - 1L);
        Map<String, ConsentStatus> current = new HashMap<>();
        List<Week> out = new ArrayList<>();
        String jpql = "SELECT e.holderRef, e.status, e.occurredAt FROM ConsentEvent e WHERE e.purposeKey = :p"
                + (tenantId == null ? "" : " AND e.tenantId = :t") + " ORDER BY e.occurredAt, e.id";
        var query = em.createQuery(jpql, Object[].class).setParameter("p", purposeKey);
        if (tenantId != null) {
            query.setParameter("t", tenantId);
        }
        try (Stream<Object[]> events = query.getResultStream()) {
            Iterator<Object[]> it = events.iterator();
            Object[] pending = it.hasNext() ? it.next() : null;
            for (LocalDate week = first; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
                OffsetDateTime start = week.atStartOfDay().atOffset(ZoneOffset.UTC);
                OffsetDateTime end = start.plusWeeks(1);
                Map<ConsentStatus, Integer> changes = new EnumMap<>(ConsentStatus.class);
                while (pending != null && ((OffsetDateTime) pending[2]).isBefore(end)) {
                    ConsentStatus status = (ConsentStatus) pending[1];
                    current.put((String) pending[0], status);
                    if (!((OffsetDateTime) pending[2]).isBefore(start)) {
                        changes.merge(status, 1, Integer::sum);
                    }
                    pending = it.hasNext() ? it.next() : null;
                }
                Map<ConsentStatus, Integer> states = new EnumMap<>(ConsentStatus.class);
                current.values().forEach(s -> states.merge(s, 1, Integer::sum));
                out.add(new Week(week, current.size(), states, changes));
            }
        }
        return out;
    }
}
