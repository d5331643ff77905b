package org.steward.subjectrights.internal.boundary;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VerificationInput", description = "The code from the verification mail")
public record VerificationInput(@Schema(example = "123456", maxLength = 6) @NotNull String code) {
}
