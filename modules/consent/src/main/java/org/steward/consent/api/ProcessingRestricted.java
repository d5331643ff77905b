package org.steward.consent.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * A subject's processing was restricted (GDPR Art. 18): from the commit on, every consent decision for the subject
 * answers {@code allowed: false} (reason {@code RESTRICTED}); the data stays stored. Fired synchronously inside the
 * transaction of the change (today by consent's own restriction endpoint, later by subject-rights); consent records
 * the restriction in that transaction. {@code restrictionId} identifies this restriction; {@code requestRef} is the
 * data-subject request it comes from, when there is one. Carries ids only, never personal data.
 */
public record ProcessingRestricted(RestrictionId restrictionId, TenantId tenantId, SubjectId subjectId, String requestRef,
                                   OffsetDateTime occurredAt) implements DomainEvent {
}
