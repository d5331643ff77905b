package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;

/**
 * The single-use download link of an export: a random token that is mailed and kept only as its SHA-256, valid
 * {@code steward.requests.export-ttl} (5 days). Redeeming it is a conditional update, so two downloads that race
 * cannot both win.
 */
@ApplicationScoped
public class ExportLinks {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    RequestKeys keys;

    @Inject
    @ConfigProperty(name = "steward.requests.export-ttl", defaultValue = "P5D")
    Duration ttl;

    @Inject
    Clock clock;

    /** A new token for the request's export; an earlier one stops working. */
    public String issue(String requestId, boolean zip) {
        String token = RequestKeys.newToken();
        OffsetDateTime now = Times.now(clock);
        em.createNativeQuery("DELETE FROM subject_rights_export WHERE request_id = ?").setParameter(1, requestId)
                .executeUpdate();
        em.createNativeQuery("INSERT INTO subject_rights_export (request_id, token_hash, format, created_at,"
                        + " expires_at) VALUES (?, ?, ?, ?, ?)").setParameter(1, requestId)
                .setParameter(2, keys.tokenHash(token)).setParameter(3, zip ? "ZIP" : "JSON").setParameter(4, now)
                .setParameter(5, now.plus(ttl)).executeUpdate();
        return token;
    }

    public void redeem(String requestId, String token) {
        if (token == null || token.isBlank()) {
            throw refused(ProblemType.NOT_FOUND, "No export with this link");
        }
        String hash = keys.tokenHash(token);
        List<?> rows = em.createNativeQuery("SELECT expires_at, downloaded_at FROM subject_rights_export WHERE"
                + " request_id = ? AND token_hash = ?").setParameter(1, requestId).setParameter(2, hash)
                .getResultList();
        if (rows.isEmpty()) {
            throw refused(ProblemType.NOT_FOUND, "No export with this link");
        }
        Object[] row = (Object[]) rows.get(0);
        if (row[1] != null) {
            throw refused(ProblemType.EXPORT_LINK_USED, "This link was used; ask for your data again if you need"
                    + " another copy");
        }
        OffsetDateTime now = Times.now(clock);
        int won = em.createNativeQuery("UPDATE subject_rights_export SET downloaded_at = ? WHERE request_id = ?"
                        + " AND token_hash = ? AND downloaded_at IS NULL AND expires_at > ?").setParameter(1, now)
                .setParameter(2, requestId).setParameter(3, hash).setParameter(4, now).executeUpdate();
        if (won == 0) {
            List<?> again = em.createNativeQuery("SELECT downloaded_at FROM subject_rights_export WHERE"
                    + " request_id = ?").setParameter(1, requestId).getResultList();
            boolean used = !again.isEmpty() && again.get(0) != null;
            throw used ? refused(ProblemType.EXPORT_LINK_USED, "This link was used")
                    : refused(ProblemType.EXPORT_LINK_EXPIRED, "This link has expired; ask for your data again");
        }
    }

    private static ProblemException refused(ProblemType type, String detail) {
        return new ProblemException(type, detail, List.of(new FieldError("token", type.name().toLowerCase())));
    }
}
