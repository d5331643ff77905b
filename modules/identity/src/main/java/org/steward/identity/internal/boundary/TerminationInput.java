package org.steward.identity.internal.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TerminationInput")
public record TerminationInput(
        @Schema(required = true, description = "Must be true: terminating the licence erases every subject of the tenant (policy §10).")
        Boolean acknowledgeErasure,
        @Schema(maxLength = 500) @Size(max = 500) String reason) {
}
