package org.steward.atlassian.internal.boundary;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.atlassian.internal.control.ServiceDesks;
import org.steward.atlassian.internal.entity.ServiceDesk;

/** A connected service desk (no credential); its webhook secret only in the answer that made it. */
@Schema(name = "ServiceDesk")
public record ServiceDeskView(
        @Schema(required = true, format = "uuid") String id,
        @Schema(required = true) String name,
        @Schema(required = true) String siteUrl,
        @Schema(required = true) String serviceDeskId,
        @Schema(required = true, enumeration = {"BASIC", "BEARER"}) String auth,
        @Schema(required = true) Map<String, String> requestTypes,
        @Schema(required = true, enumeration = {"GDPR", "UK_GDPR", "CCPA"}) String jurisdiction,
        @Schema(required = true) String transition,
        @Schema(required = true) boolean poll,
        @Schema(required = true, description = "Where JSM Automation sends its signed webhook (path under /api)")
        String webhookPath,
        @Schema(description = "Only when made or rotated: the webhook's HMAC-SHA256 secret (X-Hub-Signature:"
                + " sha256=…); never shown again") String webhookSecret,
        @Schema(format = "date-time") OffsetDateTime lastPollAt,
        @Schema(format = "date-time") OffsetDateTime nextPollAt,
        String lastError,
        @Schema(format = "date-time") OffsetDateTime lastErrorAt,
        @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
        @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

    static ServiceDeskView of(ServiceDesk d, String secret) {
        Map<String, String> types = new TreeMap<>();
        ServiceDesks.requestTypes(d).forEach((k, v) -> types.put(k, v.name()));
        return new ServiceDeskView(d.id(), d.name(), d.siteUrl(), d.serviceDeskId(), d.auth().name(), types,
                d.jurisdiction(), d.transition(), d.poll(), "/api/v1/public/atlassian/service-desks/" + d.id()
                + "/webhook", secret, d.lastPollAt(), d.poll() ? d.nextPollAt() : null, d.lastError(),
                d.lastErrorAt(), d.createdAt(), d.updatedAt());
    }
}
