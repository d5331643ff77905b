package org.steward.platform.kernel.internal.clock;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TestingClockInput", description = "Where to put this instance's testing clock; it runs on from there.")
public record TestingClockInput(
        @Schema(required = true, format = "date-time", description = "The new now, ISO-8601 with an offset, years 1970 to 9999") @NotNull OffsetDateTime now) {
}
