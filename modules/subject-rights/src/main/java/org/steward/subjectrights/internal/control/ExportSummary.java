package org.steward.subjectrights.internal.control;

import java.time.OffsetDateTime;

/** What an export says about its request, at its head and on its index page. */
public record ExportSummary(String requestId, String type, String jurisdiction, OffsetDateTime receivedAt,
                            OffsetDateTime fulfilledAt, String complaintNotice) {
}
