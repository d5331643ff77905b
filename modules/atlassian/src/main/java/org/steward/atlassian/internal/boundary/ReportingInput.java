package org.steward.atlassian.internal.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How Steward reports a CLOUD tenant's accounts to Atlassian. */
@Schema(name = "AtlassianReportingInput", description = "How Steward reports the tenant's stored accountIds to"
        + " Atlassian's personal data reporting API. OAUTH (Forge and OAuth 2.0 apps): the app's OAuth 2.0 client"
        + " (clientId, clientSecret and a refresh token of a grant with the report:personal-data scope; Steward buys"
        + " each access token and keeps the rotated refresh token), or a bearer token as is (accessToken, for one"
        + " that does not expire before the next cycle). CONNECT: the app's key and the installation's shared secret,"
        + " which sign a Connect JWT. Credentials are stored encrypted and never shown again; omit them to keep the"
        + " stored ones.")
public record ReportingInput(
        @Schema(required = true, enumeration = {"OAUTH", "CONNECT"}) @NotNull
        @Pattern(regexp = "OAUTH|CONNECT", message = "must be OAUTH or CONNECT") String mode,
        @Schema(maxLength = 2000, description = "OAUTH: default https://api.atlassian.com; CONNECT: the product's"
                + " base URL, by default the tenant's siteUrl") @Size(max = 2000) String baseUrl,
        @Schema(maxLength = 4000, description = "OAUTH: the access token") @Size(min = 1, max = 4000)
        String accessToken,
        @Schema(maxLength = 200, description = "OAUTH: the app's OAuth 2.0 client id") @Size(min = 1, max = 200)
        String clientId,
        @Schema(maxLength = 1000, description = "OAUTH: the client's secret") @Size(min = 1, max = 1000)
        String clientSecret,
        @Schema(maxLength = 4000, description = "OAUTH: a refresh token of the client's grant")
        @Size(min = 1, max = 4000) String refreshToken,
        @Schema(maxLength = 2000, description = "OAUTH with a client: the token endpoint (default"
                + " https://auth.atlassian.com/oauth/token)") @Size(max = 2000) String tokenUrl,
        @Schema(maxLength = 200, description = "CONNECT: the app's key (the JWT's iss)") @Size(min = 1, max = 200)
        @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be an app key (A-Z, a-z, 0-9, '.', '_', ':', '-')")
        String appKey,
        @Schema(maxLength = 1000, description = "CONNECT: the installation's shared secret")
        @Size(min = 1, max = 1000) String sharedSecret,
        @Schema(enumeration = {"MARK_STALE", "ERASE_STALE_FIELDS"}, description = "When Atlassian reports an"
                + " account updated: mark the profile stale for client apps to fetch again (default), or also erase"
                + " its email, user name and display name at once")
        @Pattern(regexp = "MARK_STALE|ERASE_STALE_FIELDS", message = "must be MARK_STALE or ERASE_STALE_FIELDS")
        String onUpdated,
        @Schema(description = "false pauses reporting (default true)") Boolean enabled) {
}
