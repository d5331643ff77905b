package org.steward.consent.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * A command: lift the restriction of a subject's processing (GDPR Art. 18). Decisions follow the subject's consents
 * again from the commit on. {@code restrictionId} names the restriction to lift (null: whatever restriction the
 * subject has). Fire it synchronously inside the transaction of the request.
 */
public record LiftProcessingRestriction(RestrictionId restrictionId, TenantId tenantId, SubjectId subjectId,
                                        String requestRef, OffsetDateTime requestedAt) {
}
