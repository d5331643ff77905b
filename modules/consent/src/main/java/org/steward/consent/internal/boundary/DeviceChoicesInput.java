package org.steward.consent.internal.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

@Schema(name = "DeviceChoicesInput", description = "A website visitor's choices, as a cookie banner records them")
public record DeviceChoicesInput(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Choice.class)
        @NotNull @Size(min = 1, max = 20) @Valid List<Choice> choices) {

    @Schema(name = "DeviceChoice")
    public record Choice(@Schema(required = true) @NotNull @Size(max = 64) String purpose,
                         @Schema(required = true, enumeration = {"GRANT", "WITHDRAW", "OPT_OUT", "OPT_IN", "OBJECT"})
                         @NotNull @Pattern(regexp = ConsentInput.ACTIONS, message = "must be GRANT, WITHDRAW, OPT_OUT, OPT_IN or OBJECT") String action,
                         @Schema(description = "Required for GRANT") @Min(1) Integer noticeVersion,
                         @Schema(description = "Default en") @Size(max = 35) String noticeLanguage) {
    }
}
