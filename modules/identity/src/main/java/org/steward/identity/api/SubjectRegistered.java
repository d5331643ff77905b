package org.steward.identity.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

public record SubjectRegistered(TenantId tenantId, SubjectId subjectId, OffsetDateTime occurredAt)
        implements DomainEvent {
}
