package org.steward.identity.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LicenceInput")
public record LicenceInput(
        @Schema(required = true, maxLength = 64, example = "SEN-1234567")
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may hold letters, digits, '.', '_' and '-' only")
        String key,
        @Schema(required = true, format = "date", example = "2027-12-31",
                description = "The last day of the licence. A date already past is accepted (importing a lapsed licensee) and expires at the next check.")
        @NotNull LocalDate expiresOn) {
}
