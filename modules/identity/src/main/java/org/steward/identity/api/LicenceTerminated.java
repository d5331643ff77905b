package org.steward.identity.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.TenantId;

/** Fired once, when a licence is ended before its expiry with the licensee's acknowledgement that it erases them. */
public record LicenceTerminated(TenantId tenantId, OffsetDateTime occurredAt) implements DomainEvent {
}
