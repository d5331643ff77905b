package org.steward.identity.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.identity.api.HostingMode;
import org.steward.identity.internal.entity.Tenant;

@Schema(name = "Tenant")
public record TenantView(@Schema(required = true, format = "uuid") String id,
                         @Schema(required = true) String name,
                         @Schema(required = true, format = "uri") String siteUrl,
                         @Schema(required = true) HostingMode hostingMode,
                         @Schema(required = true) LicenceView licence,
                         @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                         @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

    static TenantView of(Tenant t) {
        return new TenantView(t.rawId(), t.name(), t.siteUrl(), t.hostingMode(),
                new LicenceView(t.licenceKey(), t.licenceStatus(), t.licenceExpiresOn(), t.terminationReason()), t.createdAt(),
                t.updatedAt());
    }
}
