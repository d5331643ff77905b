package org.steward.atlassian.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.atlassian.internal.entity.Ticket;

/** A portal request Steward saw, and the subject request it became. */
@Schema(name = "ServiceDeskTicket")
public record TicketView(
        @Schema(required = true, format = "uuid") String id,
        @Schema(required = true) String issueKey,
        @Schema(required = true, enumeration = {"PENDING", "FILED", "IGNORED", "REFUSED"}) String state,
        @Schema(required = true, enumeration = {"WEBHOOK", "POLL"}) String source,
        @Schema(format = "uuid", description = "The subject request (GET /api/v1/requests/{id})") String requestId,
        String requestTypeId,
        String note,
        @Schema(required = true, description = "Comments still to post on the ticket") long pendingComments,
        @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
        @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

    static TicketView of(Ticket t, long pending) {
        return new TicketView(t.id(), t.issueKey(), t.state().name(), t.source().name(), t.requestId(),
                t.requestTypeId(), t.note(), pending, t.createdAt(), t.updatedAt());
    }
}
