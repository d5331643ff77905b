package org.steward.platform.crypto.internal.rotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.steward.platform.crypto.internal.KeyWrap;
import org.steward.platform.crypto.internal.MasterKeyRing;

/**
 * Re-wraps data keys and secrets under the current master key, one chunk per transaction. Each row is a
 * conditional update on the kek_id it was read with: a key destroyed meanwhile (kek_id and wrapped set to NULL)
 * or re-wrapped by another instance is left as it is, so a destroyed key is never brought back.
 */
@ApplicationScoped
public class Rewrapper {

    /** One chunk's outcome: rows seen, rows re-wrapped, and the last id seen (where the next chunk starts). */
    public record Chunk(int seen, int rewrapped, String lastId) {
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    // Transactional although it only reads: on a managed executor thread Payara closes a non-transactional
    // EntityManager with the request that submitted the task.
    @Transactional
    public WrappedKeyCounts counts() {
        Map<String, Long> dataKeys = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT d.kekId, COUNT(d) FROM DataKey d WHERE d.kekId IS NOT NULL"
                + " GROUP BY d.kekId", Object[].class).getResultList()) {
            dataKeys.put((String) row[0], ((Number) row[1]).longValue());
        }
        long destroyed = em.createQuery("SELECT COUNT(d) FROM DataKey d WHERE d.kekId IS NULL", Long.class)
                .getSingleResult();
        Map<String, Long> secrets = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT s.kekId, COUNT(s) FROM Secret s GROUP BY s.kekId", Object[].class)
                .getResultList()) {
            secrets.put((String) row[0], ((Number) row[1]).longValue());
        }
        return new WrappedKeyCounts(dataKeys, destroyed, secrets);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int rewrapSecrets(MasterKeyRing ring) {
        if (ring.previousIds().isEmpty()) {
            return 0;
        }
        int n = 0;
        for (Object[] row : em.createQuery("SELECT s.name, s.kekId, s.wrapped FROM Secret s WHERE s.kekId IN :old",
                Object[].class).setParameter("old", List.copyOf(ring.previousIds())).getResultList()) {
            n += update("Secret", "name", (String) row[0], (String) row[1], (byte[]) row[2], ring);
        }
        return n;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Chunk rewrapDataKeys(MasterKeyRing ring, String after, int limit) {
        if (ring.previousIds().isEmpty()) {
            return new Chunk(0, 0, after);
        }
        List<Object[]> rows = em.createQuery("SELECT d.id, d.kekId, d.wrapped FROM DataKey d"
                        + " WHERE d.kekId IN :old AND d.id > :after ORDER BY d.id", Object[].class)
                .setParameter("old", List.copyOf(ring.previousIds())).setParameter("after", after)
                .setMaxResults(limit).getResultList();
        int n = 0;
        String last = after;
        for (Object[] row : rows) {
            last = (String) row[0];
            n += update("DataKey", "id", last, (String) row[1], (byte[]) row[2], ring);
        }
        return new Chunk(rows.size(), n, last);
    }

    private int update(String entity, String idField, String id, String oldKek, byte[] wrapped, MasterKeyRing ring) {
        byte[] rewrapped = KeyWrap.rewrap(ring.key(oldKek), ring.currentKey(), id, wrapped);
        return em.createQuery("UPDATE " + entity + " k SET k.kekId = :new, k.wrapped = :wrapped"
                        + " WHERE k." + idField + " = :id AND k.kekId = :old")
                .setParameter("new", ring.currentId()).setParameter("wrapped", rewrapped)
                .setParameter("id", id).setParameter("old", oldKek).executeUpdate();
    }
}
