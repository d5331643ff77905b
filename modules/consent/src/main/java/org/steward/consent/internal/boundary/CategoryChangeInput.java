package org.steward.consent.internal.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DataCategoryChangeInput", description = "An edit of a data category: fields given are replaced, absent"
        + " ones kept. The key never changes")
public record CategoryChangeInput(
        @Schema(maxLength = 200) @Size(min = 1, max = 200)
        @Pattern(regexp = PurposeChangeInput.NOT_BLANK, message = "must not be blank") String name,
        @Schema(maxLength = 2000) @Size(min = 1, max = 2000)
        @Pattern(regexp = PurposeChangeInput.NOT_BLANK, message = "must not be blank") String description,
        @Schema(maxLength = 200, description = "Whose data it is: website visitors, app users…") @Size(min = 1, max = 200)
        @Pattern(regexp = PurposeChangeInput.NOT_BLANK, message = "must not be blank") String dataSubjects) {
}
