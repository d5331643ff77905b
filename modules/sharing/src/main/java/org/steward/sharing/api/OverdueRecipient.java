package org.steward.sharing.api;

import java.time.OffsetDateTime;

/** An open propagation task past its due date: which recipient, for what, since when. */
public record OverdueRecipient(String propagationId, String kind, String recipient, String connector,
                               String causeRef, OffsetDateTime dueAt) {
}
