package org.steward.atlassian.internal.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSM service desk whose portal requests are data-subject requests. */
@Schema(name = "ServiceDeskInput", description = "A Jira Service Management service desk to take privacy requests"
        + " from. BASIC: an Atlassian account's email and API token; BEARER: an OAuth 2.0 access token. Stored"
        + " encrypted and never shown again; on an update, omit them to keep the stored ones.")
public record ServiceDeskInput(
        @Schema(required = true, maxLength = 200) @NotBlank @Size(max = 200) String name,
        @Schema(required = true, maxLength = 2000, description = "The site, e.g. https://example.atlassian.net")
        @NotBlank @Size(max = 2000) String siteUrl,
        @Schema(required = true, maxLength = 32, description = "JSM's id of the service desk") @NotNull
        @Pattern(regexp = "[0-9]{1,32}", message = "must be JSM's numeric service desk id") String serviceDeskId,
        @Schema(required = true, enumeration = {"BASIC", "BEARER"}) @NotNull
        @Pattern(regexp = "BASIC|BEARER", message = "must be BASIC or BEARER") String auth,
        @Schema(format = "email", maxLength = 254, description = "BASIC: the account's email") @Email
        @Size(max = 254) String email,
        @Schema(maxLength = 1000, description = "BASIC: the API token") @Size(min = 1, max = 1000) String apiToken,
        @Schema(maxLength = 4000, description = "BEARER: the access token") @Size(min = 1, max = 4000)
        String accessToken,
        @Schema(required = true, description = "JSM request type id → the subject request it is (ACCESS,"
                + " RECTIFICATION, ERASURE, RESTRICTION, OBJECTION, PORTABILITY, WITHDRAW_CONSENT, COMPLAINT);"
                + " requests of other types are left alone") @NotNull @Size(min = 1, max = 50)
        Map<String, String> requestTypes,
        @Schema(enumeration = {"GDPR", "UK_GDPR", "CCPA"}, description = "The law the requests are made under"
                + " (default GDPR)") @Pattern(regexp = "GDPR|UK_GDPR|CCPA", message = "must be GDPR, UK_GDPR or CCPA")
        String jurisdiction,
        @Schema(maxLength = 200, description = "The transition (its name or id) that closes a ticket when its"
                + " request ends (default \"Resolve this issue\")") @Size(min = 1, max = 200) String transition,
        @Schema(description = "Poll the desk for new requests (default true); without it, only the signed webhook"
                + " brings them") Boolean poll,
        @Schema(format = "date-time", description = "On creation: file requests created since (default now)")
        OffsetDateTime since) {
}
