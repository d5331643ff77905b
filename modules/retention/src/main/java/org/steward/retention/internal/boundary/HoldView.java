package org.steward.retention.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.retention.internal.entity.LegalHold;

@Schema(name = "LegalHold")
public record HoldView(@Schema(required = true, format = "uuid") String id,
                       @Schema(required = true, enumeration = {"TENANT", "SUBJECT"}) String scope,
                       @Schema(required = true, format = "uuid") String tenantId,
                       @Schema(format = "uuid") String subjectId,
                       @Schema(required = true) String reason,
                       @Schema(required = true) String owner,
                       @Schema(required = true, format = "date-time") OffsetDateTime endsAt,
                       @Schema(required = true) boolean blocksSubjectRequests,
                       String blockReason,
                       @Schema(required = true) boolean active,
                       @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                       @Schema(format = "date-time") OffsetDateTime releasedAt) {

    static HoldView of(LegalHold h, OffsetDateTime now) {
        return new HoldView(h.id(), h.scope().name(), h.tenantId(), h.subjectId(), h.reason(), h.owner(), h.endsAt(),
                h.blocksRequests(), h.blockReason(), h.activeAt(now), h.createdAt(), h.releasedAt());
    }
}
