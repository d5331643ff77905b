package org.steward.retention.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LegalHoldInput", description = "A legal hold suspends automatic deletion of a tenant or a subject until endsAt. It blocks the subject's own erasure request only with blocksSubjectRequests and a blockReason.")
public record HoldInput(
        @Schema(required = true, enumeration = {"TENANT", "SUBJECT"}) @NotNull @Pattern(regexp = "TENANT|SUBJECT", message = "must be TENANT or SUBJECT") String scope,
        @Schema(required = true, format = "uuid") @NotNull @Size(max = 36) String tenantId,
        @Schema(format = "uuid", description = "Required for a SUBJECT hold") @Size(max = 36) String subjectId,
        @Schema(required = true, maxLength = 1000) @NotBlank @Size(max = 1000) String reason,
        @Schema(required = true, maxLength = 200, description = "Who answers for the hold (a role or team, e.g. 'Legal')") @NotBlank @Size(max = 200) String owner,
        @Schema(required = true, format = "date-time") @NotNull OffsetDateTime endsAt,
        Boolean blocksSubjectRequests,
        @Schema(maxLength = 1000, description = "Required when blocksSubjectRequests is true") @Size(max = 1000) String blockReason) {
}
