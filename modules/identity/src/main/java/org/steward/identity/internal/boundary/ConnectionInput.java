package org.steward.identity.internal.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConnectionInput", description = "Connection details of a sync (policy §4b). The token is write-only.")
public record ConnectionInput(
        @Schema(required = true, format = "uri", maxLength = 2048)
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://[^\\s/$.?#][^\\s]*", message = "must be an http(s) URL")
        String siteUrl,
        @Schema(required = true, format = "email", maxLength = 254) @NotBlank @Email @Size(max = 254) String userEmail,
        @Schema(required = true, writeOnly = true, maxLength = 1024) @NotBlank @Size(max = 1024) String personalAccessToken,
        @Schema(format = "date-time") @PastOrPresent OffsetDateTime obtainedAt) {
}
