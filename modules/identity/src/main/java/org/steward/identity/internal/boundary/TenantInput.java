package org.steward.identity.internal.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TenantInput", description = "A licensee: the company that holds a licence for the apps.")
public record TenantInput(
        @Schema(required = true, maxLength = 200, example = "Acme Corp")
        @NotBlank @Size(max = 200) String name,
        @Schema(required = true, maxLength = 2048, format = "uri", example = "https://acme.atlassian.net",
                description = "The Confluence or Jira site that the apps run on.")
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://[^\\s/$.?#][^\\s]*", message = "must be an http(s) URL")
        String siteUrl,
        @Schema(required = true, enumeration = {"CLOUD", "DATA_CENTER"})
        @NotNull @Pattern(regexp = "CLOUD|DATA_CENTER", message = "must be CLOUD or DATA_CENTER") String hostingMode,
        @Schema(required = true) @NotNull @Valid LicenceInput licence) {
}
