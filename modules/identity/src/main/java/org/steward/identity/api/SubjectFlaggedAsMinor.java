package org.steward.identity.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/** A subject found to be a minor; policy §8 requires their data to be deleted promptly. */
public record SubjectFlaggedAsMinor(TenantId tenantId, SubjectId subjectId, OffsetDateTime occurredAt)
        implements DomainEvent {
}
