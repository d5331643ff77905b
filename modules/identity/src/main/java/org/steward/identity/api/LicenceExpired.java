package org.steward.identity.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.TenantId;

/** Fired once, when a licence past its expiry date is found and marked expired. */
public record LicenceExpired(TenantId tenantId, LocalDate expiredOn, OffsetDateTime occurredAt)
        implements DomainEvent {
}
