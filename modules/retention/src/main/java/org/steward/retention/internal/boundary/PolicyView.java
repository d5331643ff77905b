package org.steward.retention.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.retention.internal.entity.RetentionPolicy;

@Schema(name = "RetentionPolicy")
public record PolicyView(@Schema(required = true) String categoryKey,
                         @Schema(required = true, enumeration = {"LICENCE_EXPIRY", "PURPOSE_FULFILLED", "INACTIVITY", "FIXED"}) String trigger,
                         @Schema(required = true) int periodDays,
                         @Schema(required = true) String rationale,
                         @Schema(format = "date-time") OffsetDateTime sweptAt,
                         @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

    static PolicyView of(RetentionPolicy p) {
        return new PolicyView(p.categoryKey(), p.trigger().name(), p.periodDays(), p.rationale(), p.sweptAt(),
                p.updatedAt());
    }
}
