package org.steward.sharing.internal.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubprocessorChangeInput", description = "A change: fields given replace, absent ones stay. More data"
        + " categories than it receives now wait for a notice's objection window; fewer apply at once")
public record SubprocessorChangeInput(
        @Schema(maxLength = 200) @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String name,
        @Schema(enumeration = {"INFRASTRUCTURE", "PRODUCTIVITY", "SUPPORT", "MARKETING_ANALYTICS"})
        @Pattern(regexp = SubprocessorInput.CATEGORY, message = "must be INFRASTRUCTURE, PRODUCTIVITY, SUPPORT or"
                + " MARKETING_ANALYTICS") String category,
        @Schema(maxLength = 1000) @Size(min = 1, max = 1000) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String purpose,
        @Schema(type = SchemaType.ARRAY, implementation = String.class) @Size(min = 1, max = 50)
        List<String> dataCategories,
        @Schema(type = SchemaType.ARRAY, implementation = String.class) @Size(min = 1, max = 50)
        List<String> countries,
        @Schema(enumeration = {"NONE_REQUIRED", "ADEQUACY_DECISION", "STANDARD_CONTRACTUAL_CLAUSES",
                "BINDING_CORPORATE_RULES"}) @Pattern(regexp = SubprocessorInput.MECHANISM, message = "must be"
                + " NONE_REQUIRED, ADEQUACY_DECISION, STANDARD_CONTRACTUAL_CLAUSES or BINDING_CORPORATE_RULES")
        String transferMechanism,
        @Schema(maxLength = 500) @Size(max = 500) String dpaReference) {

    static final String NOT_BLANK = "(?s).*\\S.*";
}
