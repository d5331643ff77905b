package org.steward.sharing.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.sharing.internal.entity.Objection;

@Schema(name = "SubprocessorObjection")
public record ObjectionView(@Schema(required = true, format = "uuid") String id,
                            @Schema(required = true, format = "uuid") String noticeId,
                            @Schema(required = true, format = "uuid") String tenantId,
                            @Schema(required = true) String reason,
                            @Schema(required = true, format = "date-time") OffsetDateTime createdAt) {

    static ObjectionView of(Objection o) {
        return new ObjectionView(o.id(), o.noticeId(), o.tenantId(), o.reason(), o.createdAt());
    }
}
