package org.steward.identity.internal.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactInput", description = "Contact data a user gave us (policy §4b).")
public record ContactInput(
        @Schema(required = true, maxLength = 200, description = "Special-category data is refused.") @NotBlank @Size(max = 200) String name,
        @Schema(required = true, format = "email", maxLength = 254) @NotBlank @Email @Size(max = 254) String email,
        @Schema(maxLength = 128) @Size(max = 128) String username,
        @Schema(maxLength = 5000, description = "Free text. Special-category data is refused.") @Size(max = 5000) String message,
        @Schema(format = "date-time", description = "When we obtained it; defaults to now.") @PastOrPresent OffsetDateTime obtainedAt) {
}
