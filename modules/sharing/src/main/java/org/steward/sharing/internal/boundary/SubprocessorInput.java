package org.steward.sharing.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubprocessorInput", description = "A new subprocessor. It is PROPOSED, and a notice opens an objection"
        + " window; it becomes ACTIVE (may receive data) when the window ends")
public record SubprocessorInput(
        @Schema(required = true, maxLength = 200) @NotBlank @Size(max = 200) String name,
        @Schema(required = true, enumeration = {"INFRASTRUCTURE", "PRODUCTIVITY", "SUPPORT", "MARKETING_ANALYTICS"})
        @NotNull @Pattern(regexp = CATEGORY, message = "must be INFRASTRUCTURE, PRODUCTIVITY, SUPPORT or"
                + " MARKETING_ANALYTICS") String category,
        @Schema(required = true, maxLength = 1000) @NotBlank @Size(max = 1000) String purpose,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class,
                description = "Keys of the data categories it receives (consent's register)")
        @NotNull @Size(min = 1, max = 50) List<String> dataCategories,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class,
                description = "ISO 3166-1 alpha-2 codes of the countries where it processes")
        @NotNull @Size(min = 1, max = 50) List<String> countries,
        @Schema(required = true, enumeration = {"NONE_REQUIRED", "ADEQUACY_DECISION", "STANDARD_CONTRACTUAL_CLAUSES",
                "BINDING_CORPORATE_RULES"}) @NotNull @Pattern(regexp = MECHANISM, message = "must be NONE_REQUIRED,"
                + " ADEQUACY_DECISION, STANDARD_CONTRACTUAL_CLAUSES or BINDING_CORPORATE_RULES") String transferMechanism,
        @Schema(maxLength = 500, description = "The data processing agreement's reference") @Size(max = 500)
        String dpaReference) {

    static final String CATEGORY = "INFRASTRUCTURE|PRODUCTIVITY|SUPPORT|MARKETING_ANALYTICS";
    static final String MECHANISM = "NONE_REQUIRED|ADEQUACY_DECISION|STANDARD_CONTRACTUAL_CLAUSES|BINDING_CORPORATE_RULES";
}
