package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import org.steward.consent.api.ConsentHolder;
import org.steward.platform.kernel.api.erasure.CategoryErasure;
import org.steward.platform.kernel.api.erasure.DeviceErasure;
import org.steward.platform.kernel.api.erasure.ErasureParticipant;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.PolicyKind;
import org.steward.platform.kernel.api.erasure.SubjectErasure;
import org.steward.platform.kernel.api.erasure.TenantErasure;

/**
 * Consent's part in every erasure, in the erasure's transaction: a holder's consent events, current-state rows and
 * restriction go when the subject (or the website visitor's device) is erased, and every consent row of a tenant
 * when the tenant is. The decision cache forgets the holder (or, for a tenant, everything) with the commit.
 *
 * <p>Category sweeps: a website visitor's consent records (a device's cookie choices) are website-visitor data
 * (policy §4a) and go when that category's policy makes them due. A subject's consent records stay: they are the
 * proof of the legal basis of the data that remains, and they go with the subject.
 */
@ApplicationScoped
public class ConsentErasure implements ErasureParticipant {

    static final String MODULE = "consent";

    /** The data category of policy §4a that a device's consent records belong to. */
    static final String WEBSITE_VISITOR = "website-visitor";

    private static final String DEVICES = "device:%";


    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Decisions decisions;

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public void eraseSubject(SubjectErasure erasure, ErasureReport.Part report) {
        eraseHolder(ConsentHolder.subject(erasure.subjectId()), report);
    }

    @Override
    public void eraseDevice(DeviceErasure erasure, ErasureReport.Part report) {
        eraseHolder(ConsentHolder.device(erasure.deviceId()), report);
    }

    @Override
    public void eraseTenant(TenantErasure erasure, ErasureReport.Part report) {
        decisions.erasingTenant();
        String tenantId = erasure.tenantId().asString();
        report.deleted("consent-events", em.createQuery("DELETE FROM ConsentEvent e WHERE e.tenantId = :t")
                .setParameter("t", tenantId).executeUpdate());
        report.deleted("consent-state", em.createQuery("DELETE FROM ConsentState s WHERE s.tenantId = :t")
                .setParameter("t", tenantId).executeUpdate());
        report.deleted("processing-restrictions", em.createQuery("DELETE FROM ProcessingRestriction r"
                + " WHERE r.tenantId = :t").setParameter("t", tenantId).executeUpdate());
    }

    /**
     * The website-visitor policy: FIXED erases each device event that occurred before the cutoff and each current
     * state that last changed before it (a device whose latest choice is that old goes entirely; a newer choice and
     * its event stay); INACTIVITY erases every row of devices with no choice since the cutoff. Devices belong to no
     * tenant and are no subject, so no legal hold names them. At most {@code limit} rows per chunk, events first.
     */
    @Override
    public void eraseCategory(CategoryErasure erasure, ErasureReport.Part report) {
        if (!WEBSITE_VISITOR.equals(erasure.category()) || erasure.kind() == PolicyKind.PURPOSE_FULFILLED
                || erasure.limit() <= 0) {
            return;
        }
        boolean inactive = erasure.kind() == PolicyKind.INACTIVITY;
        OffsetDateTime cutoff = erasure.cutoff();
        int events = limited("DELETE FROM consent_event WHERE id IN (SELECT e.id FROM consent_event e"
                + " WHERE e.holder_ref LIKE '" + DEVICES + "' AND e.occurred_at < ?" + (inactive ? noNewerChoice("e") : "") + " LIMIT ?)", inactive, cutoff, erasure.limit());
        report.deleted("consent-events", events);
        int left = erasure.limit() - events;
        if (left <= 0) {
            return;
        }
        // A state row is its last event's: event_id names it in one set-based statement.
        int states = limited("DELETE FROM consent_state WHERE event_id IN (SELECT s.event_id FROM consent_state s"
                + " WHERE s.holder_ref LIKE '" + DEVICES + "' AND s.changed_at < ?" + (inactive ? noNewerChoice("s") : "") + " LIMIT ?)", inactive, cutoff, left);
        if (states > 0) {
            decisions.erasingTenant(); // which devices is not loaded: every cached device may be among them
        }
        report.deleted("consent-state", states);
    }

    /** INACTIVITY: the row's device made no choice since the cutoff. */
    private static String noNewerChoice(String alias) {
        return " AND NOT EXISTS (SELECT 1 FROM consent_state n WHERE n.holder_ref = " + alias + ".holder_ref"
                + " AND n.changed_at >= ?)";
    }

    /** Parameters: the cutoff, again for INACTIVITY's newer-choice test, then the limit. */
    private int limited(String sql, boolean inactive, OffsetDateTime cutoff, int limit) {
        Query q = em.createNativeQuery(numbered(sql));
        int i = 1;
        q.setParameter(i++, cutoff);
        if (inactive) {
            q.setParameter(i++, cutoff);
        }
        return q.setParameter(i, limit).executeUpdate();
    }

    /** {@code ?} to {@code ?1, ?2...}, as EclipseLink's native queries number them. */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            out.append(ch);
            if (ch == '?') {
                out.append(++n);
            }
        }
        return out.toString();
    }

    private void eraseHolder(ConsentHolder holder, ErasureReport.Part report) {
        decisions.erasing(holder);
        report.deleted("consent-events", em.createQuery("DELETE FROM ConsentEvent e WHERE e.holderRef = :h")
                .setParameter("h", holder.ref()).executeUpdate());
        report.deleted("consent-state", em.createQuery("DELETE FROM ConsentState s WHERE s.holderRef = :h")
                .setParameter("h", holder.ref()).executeUpdate());
        report.deleted("processing-restrictions", em.createQuery("DELETE FROM ProcessingRestriction r"
                + " WHERE r.holderRef = :h").setParameter("h", holder.ref()).executeUpdate());
    }
}
