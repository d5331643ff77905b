package org.steward.identity.internal.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data subject's identifiers. At least one of email, username and accountId is required. */
@Schema(name = "SubjectInput", description = "At least one of email, username and accountId is required. Used to register a subject, and (every field optional, absent = unchanged) to rectify one.")
public record SubjectInput(
        @Schema(format = "email", maxLength = 254) @Email @Size(max = 254) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String email,
        @Schema(maxLength = 128) @Size(min = 1, max = 128) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String username,
        @Schema(maxLength = 128, pattern = "^[A-Za-z0-9:-]{1,128}$", description = "Atlassian accountId")
        @Pattern(regexp = "[A-Za-z0-9:-]{1,128}", message = "must be 1 to 128 characters of A-Z, a-z, 0-9, ':' and '-'")
        String accountId,
        @Schema(maxLength = 200, description = "Special-category data is refused.") @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String displayName) {

    /** Absent is allowed (null passes), but a given identifier must hold something besides whitespace. */
    static final String NOT_BLANK = "(?s).*\\S.*";
}
