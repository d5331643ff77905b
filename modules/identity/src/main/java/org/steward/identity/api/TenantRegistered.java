package org.steward.identity.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.TenantId;

public record TenantRegistered(TenantId tenantId, HostingMode hostingMode, OffsetDateTime occurredAt)
        implements DomainEvent {
}
