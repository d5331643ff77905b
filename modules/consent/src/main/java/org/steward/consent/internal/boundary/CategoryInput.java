package org.steward.consent.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DataCategoryInput")
public record CategoryInput(
        @Schema(required = true, pattern = PurposeInput.KEY)
        @NotNull @Pattern(regexp = PurposeInput.KEY, message = "must be 2 to 64 characters of a-z, 0-9 and '-'") String key,
        @Schema(required = true, maxLength = 200) @NotBlank @Size(max = 200) String name,
        @Schema(required = true, maxLength = 2000) @NotBlank @Size(max = 2000) String description,
        @Schema(required = true, maxLength = 200, description = "Whose data it is: website visitors, app users…")
        @NotBlank @Size(max = 200) String dataSubjects) {
}
