package org.steward.subjectrights.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;

/**
 * A notice to the requester of a request that came through a help center (channel JSM), fired in the transaction of
 * its cause so that an outbox can keep it: {@code notice} names it (RECEIVED, CODE, VERIFIED, EXTENDED, DENIED,
 * COMPLETED, EXPORT_READY, CANCELLED), {@code title} and {@code text} are the fixed wording that also goes by mail,
 * naming nothing the requester did not give (an export link is a secret: keep it encrypted), and {@code closing}
 * says that the request ended with it.
 */
public record RequestNoticed(String requestId, String channelReference, String notice, String title, String text,
                             boolean closing, OffsetDateTime occurredAt) implements DomainEvent {
}
