package org.steward.consent.internal.boundary;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

@Schema(name = "ConsentInput", description = "One consent action of a subject for one purpose")
public record ConsentInput(
        @Schema(required = true, description = "Purpose key") @NotNull @Size(max = 64) String purpose,
        @Schema(required = true, enumeration = {"GRANT", "WITHDRAW", "OPT_OUT", "OPT_IN", "OBJECT"})
        @NotNull @Pattern(regexp = ACTIONS, message = "must be GRANT, WITHDRAW, OPT_OUT, OPT_IN or OBJECT") String action,
        @Schema(description = "The notice version shown; required for GRANT") @Min(1) Integer noticeVersion,
        @Schema(description = "The notice's language; default en") @Size(max = 35) String noticeLanguage,
        @Schema(description = "Where the action was taken; default API. GPC is recorded by the public endpoints only",
                enumeration = {"WEB_FORM", "API", "EMAIL_LINK", "ADMIN"})
        @Pattern(regexp = "WEB_FORM|API|EMAIL_LINK|GPC|ADMIN", message = "must be WEB_FORM, API, EMAIL_LINK or ADMIN")
        String source,
        @Schema(format = "date-time", description = "A GRANT may lapse; must be in the future") OffsetDateTime expiresAt) {

    /** Enums are strings checked by pattern, so that a wrong value is a validation problem naming its field. */
    static final String ACTIONS = "GRANT|WITHDRAW|OPT_OUT|OPT_IN|OBJECT";
}
