package org.steward.subjectrights.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;

/** A data-subject request closed (completed, denied or cancelled), in the transaction that closed it. Ids only. */
public record RequestCompleted(String requestId, RequestType type, Jurisdiction jurisdiction, RequestState state,
                               Outcome outcome, OffsetDateTime occurredAt) implements DomainEvent {
}
