package org.steward.consent.internal.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProcessingRestrictionInput")
public record RestrictionInput(
        @Schema(description = "The data-subject request (or ticket) this restriction answers; no personal data")
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.:-]*", message = "letters, digits and _ . : - only")
        String requestRef) {
}
