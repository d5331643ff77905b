package org.steward.consent.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.TenantId;

/**
 * Fired in the transaction that appends a consent event and updates the current state, so that observers (the
 * decision cache) see the change exactly when it commits. {@code tenantId} is null for website visitors' devices.
 */
public record ConsentChanged(TenantId tenantId, ConsentHolder holder, String purposeKey, ConsentAction action,
                             ConsentStatus status, OffsetDateTime occurredAt) implements DomainEvent {
}
