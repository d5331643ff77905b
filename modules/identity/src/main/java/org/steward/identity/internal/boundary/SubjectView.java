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
                          @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {
}
