package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.steward.consent.api.ProcessingRestricted;
import org.steward.consent.api.ProcessingRestrictionLifted;
import org.steward.identity.api.SubjectRectified;
import org.steward.platform.kernel.api.Ids;
import org.steward.sharing.internal.entity.Propagation;

/**
 * Corrections and restrictions, passed on to every recipient of the subject's data (GDPR Art. 19), observed in the
 * transaction of the change so that the tasks commit with it. Erasure comes through {@link SharingErasure}.
 */
@ApplicationScoped
public class PropagationTriggers {

    @Inject
    Propagations propagations;

    void rectified(@Observes SubjectRectified e) {
        propagations.propagate(Ids.newId().toString(), Propagation.Kind.RECTIFICATION, e.tenantId().asString(),
                e.subjectId().asString(), e.fields());
    }

    void restricted(@Observes ProcessingRestricted e) {
        propagations.propagate(e.restrictionId().asString(), Propagation.Kind.RESTRICTION, e.tenantId().asString(),
                e.subjectId().asString(), null);
    }

    void lifted(@Observes ProcessingRestrictionLifted e) {
        propagations.propagate(Ids.newId().toString(), Propagation.Kind.RESTRICTION_LIFTED, e.tenantId().asString(),
                e.subjectId().asString(), null);
    }
}
