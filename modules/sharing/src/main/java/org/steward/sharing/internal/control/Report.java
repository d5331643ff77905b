package org.steward.sharing.internal.control;

import java.time.OffsetDateTime;
import java.util.List;

/** One disclosure as a client reports it (or asks about it beforehand). */
public record Report(String clientId, String tenantId, String subjectId, String recipient, List<String> categories,
                     String purpose, String jurisdiction, OffsetDateTime occurredAt) {
}
