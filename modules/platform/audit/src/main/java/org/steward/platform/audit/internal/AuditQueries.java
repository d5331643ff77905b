package org.steward.platform.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit log: filtered, in seq order, one page at a time (keyset on seq). */
@ApplicationScoped
public class AuditQueries {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    public AuditPage page(AuditFilter f) {
        List<String> where = new ArrayList<>(List.of("e.seq > :after"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("after", f.afterSeq());
        if (f.from() != null) {
            where.add("e.occurredAt >= :from");
            params.put("from", f.from().withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            where.add("e.occurredAt < :to");
            params.put("to", f.to().withOffsetSameInstant(ZoneOffset.UTC));
        }
        equal(where, params, "actor", f.actor());
        equal(where, params, "targetType", f.targetType());
        equal(where, params, "targetId", f.targetId());
        equal(where, params, "action", f.action());
        TypedQuery<AuditEntry> q = em.createQuery("SELECT e FROM AuditEntry e WHERE " + String.join(" AND ", where)
                + " ORDER BY e.seq", AuditEntry.class);
        params.forEach(q::setParameter);
        List<AuditEntry> rows = q.setMaxResults(f.limit() + 1).getResultList();
        boolean more = rows.size() > f.limit();
        List<AuditEntry> shown = more ? rows.subList(0, f.limit()) : rows;
        return new AuditPage(shown.stream().map(e -> AuditEntryView.of(e.linked())).toList(),
                more ? AuditFilter.cursorAfter(shown.get(shown.size() - 1).seq()) : null);
    }

    private static void equal(List<String> where, Map<String, Object> params, String field, String value) {
        if (value != null) {
            where.add("e." + field + " = :" + field);
            params.put(field, value);
        }
    }
}
