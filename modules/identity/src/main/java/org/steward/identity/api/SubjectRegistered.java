package org.steward.identity.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;

public record SubjectRegistered(TenantId tenantId, SubjectId subjectId, OffsetDateTime occurredAt)
        implements DomainEvent {
}
