package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.steward.platform.kernel.api.Times;
import org.steward.subjectrights.internal.entity.Request;

/**
 * The request log (CCPA §7101): closed requests are kept {@code steward.requests.log-retention-months} (24) months,
 * then deleted with everything hanging off them. {@link #wipe} turns a request into a log entry without identifiers:
 * the personal fields go and their data key is destroyed, so even a backup's ciphertext stays unreadable.
 */
@ApplicationScoped
public class RequestLog {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    RequestKeys keys;

    @Inject
    RequestConfig config;

    @Inject
    Clock clock;

    public void wipe(Request r) {
        String key = r.dataKeyId();
        deleteExports(r.id());
        em.createQuery("DELETE FROM OutgoingMail m WHERE m.requestId = :r").setParameter("r", r.id())
                .executeUpdate();
        r.wipe(Times.now(clock));
        if (key != null) {
            keys.destroy(key);
        }
    }

    /**
     * Deletes the stored exports whose link was used or has expired: the copy was for the subject to take, and
     * keeping it longer would keep a second copy of their data. A new link needs a new request.
     */
    public int purgeDeliveredExports() {
        OffsetDateTime now = Times.now(clock);
        em.createNativeQuery("DELETE FROM subject_rights_export_chunk WHERE part_id IN (SELECT p.id FROM"
                + " subject_rights_export_part p JOIN subject_rights_export x ON x.request_id = p.request_id"
                + " WHERE x.downloaded_at IS NOT NULL OR x.expires_at < ?)").setParameter(1, now).executeUpdate();
        return em.createNativeQuery("DELETE FROM subject_rights_export_part WHERE request_id IN (SELECT request_id"
                + " FROM subject_rights_export WHERE downloaded_at IS NOT NULL OR expires_at < ?)")
                .setParameter(1, now).executeUpdate();
    }

    /** Deletes closed requests past the log's retention; returns how many. */
    public int purge(int limit) {
        OffsetDateTime cutoff = Times.now(clock).minusMonths(config.logRetentionMonths());
        List<String> ids = em.createQuery("SELECT r.id FROM Request r WHERE r.closedAt IS NOT NULL"
                + " AND r.closedAt < :cutoff ORDER BY r.closedAt", String.class).setParameter("cutoff", cutoff)
                .setMaxResults(limit).getResultList();
        for (String id : ids) {
            Request r = em.find(Request.class, id);
            if (r.dataKeyId() != null) {
                wipe(r);
            }
            for (String entity : List.of("FulfilmentTask", "TimelineEntry", "RequestSubject")) {
                em.createQuery("DELETE FROM " + entity + " e WHERE e.requestId = :r").setParameter("r", id)
                        .executeUpdate();
            }
            em.remove(r);
        }
        return ids.size();
    }

    private void deleteExports(String requestId) {
        em.createNativeQuery("DELETE FROM subject_rights_export_chunk WHERE part_id IN"
                + " (SELECT id FROM subject_rights_export_part WHERE request_id = ?)").setParameter(1, requestId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM subject_rights_export_part WHERE request_id = ?")
                .setParameter(1, requestId).executeUpdate();
        em.createNativeQuery("DELETE FROM subject_rights_export WHERE request_id = ?").setParameter(1, requestId)
                .executeUpdate();
    }
}
