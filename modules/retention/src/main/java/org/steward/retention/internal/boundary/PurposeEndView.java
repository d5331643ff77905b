package org.steward.retention.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.retention.internal.entity.PurposeEnd;

@Schema(name = "PurposeEnd")
public record PurposeEndView(@Schema(required = true) String purposeKey,
                             @Schema(required = true, format = "date-time") OffsetDateTime endedAt,
                             @Schema(required = true, enumeration = {"FULFILLED", "DISCONTINUED", "WITHDRAWN", "OPTED_OUT", "OBJECTED"}) String cause,
                             @Schema(required = true, enumeration = {"PENDING", "DONE"}, description = "DONE once the records collected for the purpose were erased") String status,
                             @Schema(format = "date-time", description = "The earliest time a PURPOSE_FULFILLED policy erases this purpose's categories (once every purpose using them ended); absent when none of its categories has such a policy") OffsetDateTime erasableFrom,
                             @Schema(required = true, format = "date-time") OffsetDateTime recordedAt,
                             @Schema(format = "date-time") OffsetDateTime erasedAt) {

    static PurposeEndView of(PurposeEnd p, OffsetDateTime erasableFrom) {
        return new PurposeEndView(p.purposeKey(), p.endedAt(), p.cause().name(), p.status().name(),
                p.status() == PurposeEnd.Status.PENDING ? erasableFrom : null, p.recordedAt(), p.erasedAt());
    }
}
