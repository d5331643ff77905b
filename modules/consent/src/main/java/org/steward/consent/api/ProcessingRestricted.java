package org.steward.consent.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * A subject's processing was restricted (GDPR Art. 18), in the transaction that stored the restriction: fired by
 * consent once it carried out {@link RestrictProcessing} (and not again for a subject already restricted), so that
 * other modules (sharing: tell the recipients, Art. 19) act on it.
 */
public record ProcessingRestricted(RestrictionId restrictionId, TenantId tenantId, SubjectId subjectId,
                                   String requestRef, OffsetDateTime occurredAt) implements DomainEvent {
}
