package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.TreeMap;
import org.steward.platform.crypto.api.BlindIndexed;

/** Tells the platform how many subjects are indexed under each blind-index key version. */
@ApplicationScoped
public class SubjectIndexVersions implements BlindIndexed {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Override
    public String name() {
        return "identity_subject";
    }

    @Override
    public Map<Integer, Long> rowsPerVersion() {
        Map<Integer, Long> rows = new TreeMap<>();
        for (Object[] row : em.createQuery("SELECT s.indexVersion, COUNT(s) FROM Subject s GROUP BY s.indexVersion",
                Object[].class).getResultList()) {
            rows.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return rows;
    }
}
