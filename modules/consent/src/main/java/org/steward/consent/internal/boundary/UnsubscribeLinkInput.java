package org.steward.consent.internal.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnsubscribeLinkInput")
public record UnsubscribeLinkInput(
        @Schema(required = true, description = "An email purpose's key") @NotNull @Size(max = 64) String purpose,
        @Schema(description = "ISO-8601 duration the link stays valid (default and maximum: the server's setting)",
                example = "P30D") @Size(max = 32) String validFor) {
}
