package org.steward.consent.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * A command: restrict a subject's processing (GDPR Art. 18). From the commit on, every consent decision for the
 * subject answers {@code allowed: false} (reason {@code RESTRICTED}); the data stays stored. Fire it synchronously
 * inside the transaction of the request (today consent's own restriction endpoint, later subject-rights): consent
 * records the restriction in that transaction, and its decision cache forgets the subject. {@code restrictionId}
 * identifies this restriction; {@code requestRef} is the data-subject request it comes from, when there is one.
 * Carries ids only, never personal data.
 */
public record RestrictProcessing(RestrictionId restrictionId, TenantId tenantId, SubjectId subjectId, String requestRef,
                                 OffsetDateTime requestedAt) {
}
