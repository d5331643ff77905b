package org.steward.consent.internal.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PurposeChangeInput", description = "An edit of a purpose: fields given are replaced, absent ones kept."
        + " The key and the legal basis never change (create a new purpose instead)")
public record PurposeChangeInput(
        @Schema(maxLength = 200) @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String name,
        @Schema(maxLength = 2000) @Size(min = 1, max = 2000) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String description,
        @Schema(description = PurposeInput.CCPA_DESCRIPTION, enumeration = {"NONE", "SHARING", "SALE"})
        @Pattern(regexp = PurposeInput.CCPA, message = "must be NONE, SHARING or SALE") String ccpa,
        @Schema(description = "Whether the subject may opt out") Boolean optOutAllowed,
        @Schema(description = "Sent by email, so every message carries an unsubscribe link") Boolean email,
        @Schema(type = SchemaType.ARRAY, implementation = String.class,
                description = "Keys of the data categories the purpose uses (replaces the list)")
        @Size(min = 1, max = 50) List<String> categories) {

    /** Something other than white space (a null is "unchanged" and passes). */
    static final String NOT_BLANK = "(?s).*\\S.*";
}
