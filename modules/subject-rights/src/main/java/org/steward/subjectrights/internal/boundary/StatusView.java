package org.steward.subjectrights.internal.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.subjectrights.api.Outcome;
import org.steward.subjectrights.api.RequestState;
import org.steward.subjectrights.api.RequestType;

/** What the requester sees of their own request. */
@Schema(name = "RequestStatus")
public record StatusView(String id, RequestType type, RequestState state, Outcome outcome, OffsetDateTime receivedAt,
                         LocalDate dueOn, boolean extended, OffsetDateTime closedAt, String denialGround,
                         String complaintNotice,
                         @Schema(description = "Given once, in the answer to a verification") String statusToken) {
}
