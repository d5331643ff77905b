package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.steward.consent.api.PurposeCatalog;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;
import org.steward.retention.internal.entity.RetentionPolicy;

/** Retention policies per data category: read, changed by admins (audited at the boundary), leased by sweeps. */
@ApplicationScoped
public class Policies {

    /** Ten years: a longer period is almost certainly a typo, and nothing in the policy needs it. */
    public static final int MAX_DAYS = 3650;

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    PurposeCatalog catalog;

    @Inject
    Clock clock;

    public List<RetentionPolicy> list() {
        return em.createQuery("SELECT p FROM RetentionPolicy p ORDER BY p.categoryKey", RetentionPolicy.class)
                .getResultList();
    }

    public RetentionPolicy get(String categoryKey) {
        RetentionPolicy p = categoryKey == null ? null : em.find(RetentionPolicy.class, categoryKey);
        if (p == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no data category '" + categoryKey
                    + "' with a retention policy", List.of(new FieldError("categoryKey", "unknown data category")));
        }
        return p;
    }

    public Optional<RetentionPolicy> find(String categoryKey) {
        return Optional.ofNullable(categoryKey == null ? null : em.find(RetentionPolicy.class, categoryKey));
    }

    /** A policy as saved, and whether this call created it. */
    public record Saved(RetentionPolicy policy, boolean created) {
    }

    /**
     * Changes a category's policy; a category added to the register (consent's) that has none yet gets one, with a
     * rationale, so that the ROPA states its retention too.
     */
    @Transactional
    public Saved set(String categoryKey, RetentionPolicy.Trigger trigger, int periodDays, String rationale) {
        check(trigger, periodDays);
        String why = rationale == null || rationale.isBlank() ? null : rationale.strip();
        Optional<RetentionPolicy> existing = find(categoryKey);
        if (existing.isPresent()) {
            existing.get().change(trigger, periodDays, why, Times.now(clock));
            return new Saved(existing.get(), false);
        }
        if (!catalog.categoryExists(categoryKey)) {
            get(categoryKey); // 404 naming categoryKey
        }
        if (why == null) {
            throw ProblemException.invalid("rationale", "is required for a category's first policy: say why the"
                    + " data is kept that long");
        }
        RetentionPolicy p = new RetentionPolicy(categoryKey, trigger, periodDays, why, Times.now(clock));
        em.persist(p);
        return new Saved(p, true);
    }

    /** LICENCE_EXPIRY is immediate (0 days); the other triggers need a period of 1 to {@value #MAX_DAYS} days. */
    public static void check(RetentionPolicy.Trigger trigger, int periodDays) {
        if (periodDays < 0 || periodDays > MAX_DAYS) {
            throw ProblemException.invalid("periodDays", "must be from 0 to " + MAX_DAYS + " days");
        }
        if (trigger == RetentionPolicy.Trigger.LICENCE_EXPIRY && periodDays != 0) {
            throw ProblemException.invalid("periodDays", "must be 0 for LICENCE_EXPIRY: erasure is immediate");
        }
        if (trigger != RetentionPolicy.Trigger.LICENCE_EXPIRY && periodDays < 1) {
            throw ProblemException.invalid("periodDays", "must be at least 1 day for " + trigger);
        }
    }

    /** Leases a policy's sweep to one instance: several instances never sweep the same category at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean lease(String categoryKey, String owner, Duration lease) {
        OffsetDateTime now = Times.now(clock);
        return em.createNativeQuery("UPDATE retention_policy SET lease_owner = ?1, lease_until = ?2"
                        + " WHERE category_key = ?3 AND (lease_until IS NULL OR lease_until < ?4 OR lease_owner = ?1)")
                .setParameter(1, owner).setParameter(2, now.plus(lease)).setParameter(3, categoryKey)
                .setParameter(4, now).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseLease(String categoryKey, String owner) {
        em.createNativeQuery("UPDATE retention_policy SET lease_owner = NULL, lease_until = NULL, swept_at = ?1"
                        + " WHERE category_key = ?2 AND lease_owner = ?3")
                .setParameter(1, Times.now(clock)).setParameter(2, categoryKey).setParameter(3, owner).executeUpdate();
    }
}
