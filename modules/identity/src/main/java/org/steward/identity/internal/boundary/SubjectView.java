package org.steward.identity.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Subject")
public record SubjectView(@Schema(required = true, format = "uuid") String id,
                          @Schema(required = true, format = "uuid") String tenantId,
                          @Schema(format = "email") String email,
                          String username,
                          String accountId,
                          String displayName,
                          @Schema(required = true) boolean minor,
                          @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                          @Schema(required = true, format = "date-time") OffsetDateTime updatedAt,
                          @Schema(required = true, format = "date-time", description = "When the profile (identifiers"
                                  + " and display name) was last stored from its source") OffsetDateTime profileRetrievedAt,
                          @Schema(format = "date-time", description = "Set when Atlassian reported the account updated"
                                  + " since: fetch the profile again and store it (PATCH), which clears this")
                          OffsetDateTime profileStaleSince) {
}
