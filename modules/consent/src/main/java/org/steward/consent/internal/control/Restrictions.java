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
import org.steward.consent.api.LiftProcessingRestriction;
import org.steward.consent.api.ProcessingRestricted;
import org.steward.consent.api.ProcessingRestrictionLifted;
import org.steward.consent.api.RestrictProcessing;
import org.steward.consent.api.RestrictionId;
import org.steward.consent.internal.entity.ProcessingRestriction;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.Times;

/**
 * GDPR Art. 18 restriction of processing, as consent keeps it: the commands {@link RestrictProcessing} and
 * {@link LiftProcessingRestriction} are observed in the transaction that fires them, and the row in
 * {@code consent_restriction} is written or deleted there (the decision cache is invalidated by its own observer of
 * the same commands). {@link #restrict}/{@link #lift} fire them for the staff endpoint; the subject-rights module
 * fires them for its requests. Once a row is stored or deleted, {@link ProcessingRestricted} or
 * {@link ProcessingRestrictionLifted} tells other modules; a command that changed nothing fires neither.
 */
@ApplicationScoped
public class Restrictions {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Event<RestrictProcessing> restrictProcessing;

    @Inject
    Event<LiftProcessingRestriction> liftRestriction;

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
        restrictProcessing.fire(new RestrictProcessing(new RestrictionId(Ids.newId()), TenantId.of(tenantId),
                subject.subjectId().orElseThrow(), requestRef, Times.now(clock)));
        return of(subject).orElseThrow();
    }

    /** Lifts the subject's restriction; false when there was none. */
    public boolean lift(String tenantId, ConsentHolder subject, String requestRef) {
        Optional<ProcessingRestriction> existing = of(subject);
        if (existing.isEmpty()) {
            return false;
        }
        liftRestriction.fire(new LiftProcessingRestriction(RestrictionId.of(existing.get().restrictionId()),
                TenantId.of(tenantId), subject.subjectId().orElseThrow(), requestRef, Times.now(clock)));
        return true;
    }

    void onRestrict(@Observes RestrictProcessing e) {
        String holder = ConsentHolder.subject(e.subjectId()).ref();
        if (em.find(ProcessingRestriction.class, holder) == null) {
            em.persist(new ProcessingRestriction(holder, e.restrictionId().asString(), e.tenantId().asString(),
                    e.requestRef(), e.requestedAt()));
            em.flush();
            restricted.fire(new ProcessingRestricted(e.restrictionId(), e.tenantId(), e.subjectId(), e.requestRef(),
                    Times.now(clock)));
        }
    }

    void onLift(@Observes LiftProcessingRestriction e) {
        String holder = ConsentHolder.subject(e.subjectId()).ref();
        ProcessingRestriction r = em.find(ProcessingRestriction.class, holder);
        if (r != null && (e.restrictionId() == null || e.restrictionId().asString().equals(r.restrictionId()))) {
            em.remove(r);
            em.flush();
            lifted.fire(new ProcessingRestrictionLifted(e.tenantId(), e.subjectId(), e.requestRef(), Times.now(clock)));
        }
    }
}
