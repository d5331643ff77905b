package org.steward.identity.internal.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.identity.api.LicenceStatus;
import org.steward.identity.internal.entity.LicenceChange;

@Schema(name = "LicenceChange")
public record LicenceChangeView(@Schema(required = true, format = "uuid") String id, LicenceStatus fromStatus,
                                @Schema(required = true) LicenceStatus toStatus,
                                @Schema(required = true, format = "date") LocalDate expiresOn,
                                @Schema(required = true, description = "What changed: REGISTERED, RENEWED, EXPIRED, TERMINATED")
                                String reason,
                                @Schema(description = "The reason the caller gave (a termination's reason)") String note,
                                @Schema(required = true, format = "date-time") OffsetDateTime changedAt) {

    static LicenceChangeView of(LicenceChange c) {
        return new LicenceChangeView(c.id(), c.fromStatus(), c.toStatus(), c.expiresOn(), c.reason(), c.note(), c.changedAt());
    }
}
