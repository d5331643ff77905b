package org.steward.sharing.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SharingReasonInput", description = "Why: a retirement, a waiver")
public record ReasonInput(@Schema(required = true, maxLength = 1000) @NotBlank @Size(max = 1000) String reason) {
}
