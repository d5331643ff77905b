package org.steward.sharing.internal.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NoticeSubscriptionInput", description = "Where a tenant is told of register changes: an address"
        + " (EMAIL) or a URL (WEBHOOK, signed with HMAC-SHA-256; the secret is answered once)")
public record SubscriptionInput(
        @Schema(required = true, enumeration = {"EMAIL", "WEBHOOK"}) @NotNull
        @Pattern(regexp = "EMAIL|WEBHOOK", message = "must be EMAIL or WEBHOOK") String channel,
        @Schema(format = "email", maxLength = 254, description = "EMAIL: the address") @Email @Size(max = 254)
        String email,
        @Schema(maxLength = 2000, description = "WEBHOOK: the URL (https)") @Size(max = 2000) String url) {
}
