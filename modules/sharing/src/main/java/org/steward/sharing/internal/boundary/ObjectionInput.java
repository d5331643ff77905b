package org.steward.sharing.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ObjectionInput", description = "A tenant's objection to a notice's change, within its window")
public record ObjectionInput(
        @Schema(required = true, format = "uuid") @NotNull @Size(max = 36) String tenantId,
        @Schema(required = true, maxLength = 2000) @NotBlank @Size(max = 2000) String reason) {
}
