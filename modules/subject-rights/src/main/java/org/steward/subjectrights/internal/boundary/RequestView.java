package org.steward.subjectrights.internal.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.subjectrights.api.DenialBasis;
import org.steward.subjectrights.api.Jurisdiction;
import org.steward.subjectrights.api.Outcome;
import org.steward.subjectrights.api.RequestState;
import org.steward.subjectrights.api.RequestType;
import org.steward.subjectrights.internal.control.Details;
import org.steward.subjectrights.internal.control.Filing;

/**
 * A request as staff see it. What the requester gave ({@code identifier}, {@code contactEmail}, {@code details},
 * {@code agent}, {@code identityCheck}, the texts) is decrypted for privacy officers and support agents, left out
 * for auditors, and gone once the subject was erased.
 */
@Schema(name = "Request")
public record RequestView(String id, RequestType type, Jurisdiction jurisdiction, RequestState state,
                          Outcome outcome, String channel, String channelReference, String filedBy,
                          String identifierKind, String identifier, String tenantId, String contactEmail,
                          Details details, Filing.Agent agent, String verification, String identityCheck,
                          List<SubjectRef> subjects, OffsetDateTime receivedAt, LocalDate acknowledgeBy,
                          OffsetDateTime acknowledgedAt, LocalDate dueOn, LocalDate originalDueOn,
                          LocalDate maxDueOn, OffsetDateTime extendedAt, String extensionReason,
                          OffsetDateTime verifiedAt, OffsetDateTime approvedAt, OffsetDateTime closedAt,
                          DenialBasis denialBasis, String denialText, String pseudonym, List<TaskView> tasks) {

    @Schema(name = "RequestSubject")
    public record SubjectRef(String tenantId, String subjectId) {
    }
}
