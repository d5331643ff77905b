package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.api.ProcessingRestricted;
import org.steward.consent.api.ProcessingRestrictionLifted;
import org.steward.consent.api.RestrictionId;
import org.steward.consent.internal.entity.ProcessingRestriction;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.ErasureRequested;

/**
 * GDPR Art. 18 restriction of processing, as consent keeps it: {@link ProcessingRestricted} and
 * {@link ProcessingRestrictionLifted} are observed in the transaction that fires them, and the row in
 * {@code consent_restriction} is written or deleted there (the decision cache is invalidated by its own observer of
 * the same events). {@link #restrict}/{@link #lift} fire the events for the staff endpoint; the subject-rights module
 * will fire them for its requests.
 */
@ApplicationScoped
public class Restrictions {

    static final String MODULE = "consent";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Event<ProcessingRestricted> restricted;

    @Inject
    Event<ProcessingRestrictionLifted> lifted;

    @Inject
    Clock clock;

    public Optional<ProcessingRestriction> of(ConsentHolder holder) {
        return Optional.ofNullable(em.find(ProcessingRestriction.class, holder.ref()));
    }

    /** Restricts the subject (already resolved in its tenant); an existing restriction is returned as it is. */
    public ProcessingRestriction restrict(String tenantId, ConsentHolder subject, String requestRef) {
        Optional<ProcessingRestriction> existing = of(subject);
        if (existing.isPresent()) {
            return existing.get();
        }
        restricted.fire(new ProcessingRestricted(new RestrictionId(Ids.newId()), TenantId.of(tenantId),
                subject.subjectId().orElseThrow(), requestRef, Times.now(clock)));
        return of(subject).orElseThrow();
    }

    /** Lifts the subject's restriction; false when there was none. */
    public boolean lift(String tenantId, ConsentHolder subject, String requestRef) {
        Optional<ProcessingRestriction> existing = of(subject);
        if (existing.isEmpty()) {
            return false;
        }
        lifted.fire(new ProcessingRestrictionLifted(RestrictionId.of(existing.get().restrictionId()),
                TenantId.of(tenantId), subject.subjectId().orElseThrow(), requestRef, Times.now(clock)));
        return true;
    }

    void onRestricted(@Observes ProcessingRestricted e) {
        String holder = ConsentHolder.subject(e.subjectId()).ref();
        if (em.find(ProcessingRestriction.class, holder) == null) {
            em.persist(new ProcessingRestriction(holder, e.restrictionId().asString(), e.tenantId().asString(),
                    e.requestRef(), e.occurredAt()));
            em.flush();
        }
    }

    void onLifted(@Observes ProcessingRestrictionLifted e) {
        String holder = ConsentHolder.subject(e.subjectId()).ref();
        ProcessingRestriction r = em.find(ProcessingRestriction.class, holder);
        if (r != null && (e.restrictionId() == null || e.restrictionId().asString().equals(r.restrictionId()))) {
            em.remove(r);
            em.flush();
        }
    }

    /** A restriction goes with its subject, or with the tenant. Category sweeps leave it alone. */
    void onErasure(@Observes ErasureRequested request) {
        ErasureReport report = request.report();
        switch (request.scope()) {
            case SUBJECT -> report.deleted(MODULE, "processing-restrictions",
                    em.createQuery("DELETE FROM ProcessingRestriction r WHERE r.holderRef = :h")
                            .setParameter("h", "subject:" + request.subjectId()).executeUpdate());
            case TENANT -> report.deleted(MODULE, "processing-restrictions",
                    em.createQuery("DELETE FROM ProcessingRestriction r WHERE r.tenantId = :t")
                            .setParameter("t", request.tenantId()).executeUpdate());
            case CATEGORY -> {
                // restrictions are not a data category
            }
        }
    }
}
