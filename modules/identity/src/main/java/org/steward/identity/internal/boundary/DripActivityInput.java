package org.steward.identity.internal.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DripActivityInput", description = "Activity of a user with regard to our drip feed emails (policy §4b).")
public record DripActivityInput(
        @Schema(required = true, pattern = SEQUENCE, maxLength = 64, example = "onboarding-v2",
                description = "The drip sequence's name")
        @NotNull @Pattern(regexp = SEQUENCE, message = "must be 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit")
        String sequence,
        @Schema(required = true, minimum = "1", maximum = "100", description = "The email's position in the sequence")
        @NotNull @Min(1) @Max(100) Integer step,
        @Schema(required = true, enumeration = {"SENT", "DELIVERED", "OPENED", "CLICKED", "BOUNCED", "UNSUBSCRIBED"})
        @NotNull @Pattern(regexp = EVENTS, message = "must be SENT, DELIVERED, OPENED, CLICKED, BOUNCED or UNSUBSCRIBED")
        String event,
        @Schema(format = "date-time", description = "When it happened; defaults to now.") @PastOrPresent OffsetDateTime obtainedAt) {

    static final String SEQUENCE = "[a-z0-9][a-z0-9._-]{0,63}";
    static final String EVENTS = "SENT|DELIVERED|OPENED|CLICKED|BOUNCED|UNSUBSCRIBED";
}
