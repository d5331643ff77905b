package org.steward.consent.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/** A subject's restriction of processing was lifted (Art. 18(3)), in the transaction that deleted it. */
public record ProcessingRestrictionLifted(TenantId tenantId, SubjectId subjectId, String requestRef,
                                          OffsetDateTime occurredAt) implements DomainEvent {
}
