package org.steward.identity.internal.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubjectSearchInput", description = "Exactly one identifier to find a subject by; in the body, it stays"
        + " out of URLs, proxies and access logs")
public record SubjectSearchInput(
        @Schema(maxLength = 254, description = "Case-insensitive") @Size(min = 1, max = 254) String email,
        @Schema(maxLength = 254, description = "Case-insensitive") @Size(min = 1, max = 254) String username,
        @Schema(maxLength = 254) @Size(min = 1, max = 254) String accountId) {
}
