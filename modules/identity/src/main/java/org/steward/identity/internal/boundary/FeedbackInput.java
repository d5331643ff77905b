package org.steward.identity.internal.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedbackInput", description = "Feedback a user sent (policy §4b).")
public record FeedbackInput(
        @Schema(maxLength = 200, description = "Special-category data is refused.") @Size(max = 200) String name,
        @Schema(format = "email", maxLength = 254) @Email @Size(max = 254) String email,
        @Schema(required = true, maxLength = 5000, description = "Free text. Special-category data is refused.")
        @NotBlank @Size(max = 5000) String text,
        @Schema(format = "date-time") @PastOrPresent OffsetDateTime obtainedAt) {
}
