package org.steward.consent.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PurposeInput")
public record PurposeInput(
        @Schema(required = true, pattern = KEY, description = "Stable key that records and clients use")
        @NotNull @Pattern(regexp = KEY, message = "must be 2 to 64 characters of a-z, 0-9 and '-'") String key,
        @Schema(required = true, maxLength = 200) @NotBlank @Size(max = 200) String name,
        @Schema(required = true, maxLength = 2000) @NotBlank @Size(max = 2000) String description,
        @Schema(required = true, enumeration = {"CONTRACT", "LEGITIMATE_INTEREST", "CONSENT"})
        @NotNull @Pattern(regexp = "CONTRACT|LEGITIMATE_INTEREST|CONSENT",
                message = "must be CONTRACT, LEGITIMATE_INTEREST or CONSENT") String legalBasis,
        @Schema(description = CCPA_DESCRIPTION, enumeration = {"NONE", "SHARING", "SALE"})
        @Pattern(regexp = CCPA, message = "must be NONE, SHARING or SALE") String ccpa,
        @Schema(description = "Whether the subject may opt out; default false") Boolean optOutAllowed,
        @Schema(description = "Sent by email, so every message carries an unsubscribe link; default false") Boolean email,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class,
                description = "Keys of the data categories the purpose uses")
        @NotNull @Size(min = 1, max = 50) List<String> categories) {

    static final String KEY = "^[a-z0-9][a-z0-9-]{1,63}$";
    static final String CCPA = "NONE|SHARING|SALE";
    static final String CCPA_DESCRIPTION = "What the purpose is under CCPA; default NONE. SHARING: disclosure for"
            + " cross-context behavioural advertising (legal basis CONSENT, opt-out allowed: GPC and do-not-share"
            + " apply). SALE is always refused with 422: personal data is never sold (policy §11)";
}
