package org.steward.sharing.internal.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConnectorInput", description = "How a recipient is told of erasures, corrections and restrictions:"
        + " MANUAL (a task with a due date in the admin queue), WEBHOOK (Steward's signed JSON; a new signing secret"
        + " is answered once) or OPENDSR (the OpenDSR protocol; callbacks verified against the processor's certificate)")
public record ConnectorInput(
        @Schema(required = true, enumeration = {"MANUAL", "WEBHOOK", "OPENDSR"}) @NotNull
        @Pattern(regexp = "MANUAL|WEBHOOK|OPENDSR", message = "must be MANUAL, WEBHOOK or OPENDSR") String connector,
        @Schema(maxLength = 2000, description = "The webhook's URL, or the OpenDSR processor's base URL (https)")
        @Size(max = 2000) String url,
        @Schema(maxLength = 20000, description = "OPENDSR: the processor's X.509 certificate, PEM")
        @Size(max = 20000) String certificatePem,
        @Schema(minimum = "1", maximum = "365", description = "MANUAL: days until a task is due (default 30)")
        @Min(1) @Max(365) Integer dueDays) {
}
