package org.steward.retention.internal.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RetentionPolicyInput", description = "LICENCE_EXPIRY is immediate (periodDays 0); the other triggers take 1 to 3650 days.")
public record PolicyInput(
        @Schema(required = true, enumeration = {"LICENCE_EXPIRY", "PURPOSE_FULFILLED", "INACTIVITY", "FIXED"})
        @NotNull @Pattern(regexp = "LICENCE_EXPIRY|PURPOSE_FULFILLED|INACTIVITY|FIXED", message = "must be LICENCE_EXPIRY, PURPOSE_FULFILLED, INACTIVITY or FIXED") String trigger,
        @Schema(required = true, minimum = "0", maximum = "3650") @NotNull @Min(0) @Max(3650) Integer periodDays,
        @Schema(maxLength = 1000) @Size(max = 1000) String rationale) {
}
