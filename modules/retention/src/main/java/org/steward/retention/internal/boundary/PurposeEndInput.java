package org.steward.retention.internal.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PurposeEndInput", description = "The purpose was fulfilled (e.g. the onboarding drip sequence sent its last email) or discontinued for this subject. Data categories with a PURPOSE_FULFILLED policy are erased that many days after every purpose that uses them ended.")
public record PurposeEndInput(
        @Schema(required = true, enumeration = {"FULFILLED", "DISCONTINUED"}) @NotNull @Pattern(regexp = "FULFILLED|DISCONTINUED", message = "must be FULFILLED or DISCONTINUED") String cause,
        @Schema(format = "date-time", description = "When it ended; now when absent. Never in the future.") OffsetDateTime endedAt) {
}
