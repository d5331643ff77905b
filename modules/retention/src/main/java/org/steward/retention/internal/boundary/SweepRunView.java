package org.steward.retention.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.retention.internal.entity.SweepRun;

@Schema(name = "SweepRun", description = "One retention sweep on one instance (runs with nothing due are counted in the metrics only)")
public record SweepRunView(@Schema(required = true, format = "uuid") String id,
                           @Schema(required = true, format = "uuid") String instanceId,
                           @Schema(required = true, format = "date-time") OffsetDateTime startedAt,
                           @Schema(required = true) long durationMs,
                           @Schema(required = true, description = "Erasures due when the run started") long due,
                           @Schema(required = true) long subjectsErased,
                           @Schema(required = true) long tenantsErased,
                           @Schema(required = true) long recordsErased,
                           @Schema(required = true, enumeration = {"COMPLETED", "FAILED"}) String outcome) {

    static SweepRunView of(SweepRun r) {
        return new SweepRunView(r.id(), r.instanceId(), r.startedAt(), r.durationMs(), r.due(), r.subjectsErased(),
                r.tenantsErased(), r.recordsErased(), r.outcome());
    }
}
