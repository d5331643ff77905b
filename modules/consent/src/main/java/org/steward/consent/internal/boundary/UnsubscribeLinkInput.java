package org.steward.consent.internal.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnsubscribeLinkInput")
public record UnsubscribeLinkInput(
        @Schema(required = true, description = "An email purpose's key") @NotNull @Size(max = 64) String purpose,
        @Schema(deprecated = true, description = "Ignored: unsubscribe links no longer expire (mail is read long after"
                + " it was sent). Accepted so that older clients keep working") @Size(max = 32) String validFor) {
}
