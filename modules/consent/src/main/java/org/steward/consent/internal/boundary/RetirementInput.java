package org.steward.consent.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RetirementInput", description = "Why a purpose or data category is retired: kept with it for the record")
public record RetirementInput(@Schema(required = true, maxLength = 500) @NotBlank @Size(max = 500) String reason) {
}
