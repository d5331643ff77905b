package org.steward.identity.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TenantUpdate", description = "The licensee's name and site. The hosting mode cannot change: register a new tenant.")
public record TenantUpdate(
        @Schema(required = true, maxLength = 200) @NotBlank @Size(max = 200) String name,
        @Schema(required = true, maxLength = 2048, format = "uri")
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://[^\\s/$.?#][^\\s]*", message = "must be an http(s) URL")
        String siteUrl) {
}
