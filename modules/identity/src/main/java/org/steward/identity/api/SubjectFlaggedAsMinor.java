package org.steward.identity.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;

/** A subject found to be a minor; policy §8 requires their data to be deleted promptly. */
public record SubjectFlaggedAsMinor(TenantId tenantId, SubjectId subjectId, OffsetDateTime occurredAt)
        implements DomainEvent {
}
