package org.steward.platform.kernel.internal.clock;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TestingClockAdvance", description = "How far to move this instance's testing clock on.")
public record TestingClockAdvance(
        @Schema(required = true, description = "A positive ISO-8601 duration (PT36H, P30D) or period (P1M, P1Y: calendar months and years in UTC)", example = "P30D") @NotNull String by) {
}
