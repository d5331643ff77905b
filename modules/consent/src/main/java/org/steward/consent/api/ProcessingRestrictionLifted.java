package org.steward.consent.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * A restriction of a subject's processing (GDPR Art. 18) was lifted: decisions follow the subject's consents again
 * from the commit on. {@code restrictionId} names the restriction being lifted (null: whatever restriction the
 * subject has). Fired synchronously inside the transaction of the change.
 */
public record ProcessingRestrictionLifted(RestrictionId restrictionId, TenantId tenantId, SubjectId subjectId,
                                          String requestRef, OffsetDateTime occurredAt) implements DomainEvent {
}
