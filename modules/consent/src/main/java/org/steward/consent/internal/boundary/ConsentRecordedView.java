package org.steward.consent.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.internal.control.ConsentRecorder;
import org.steward.consent.internal.control.Receipt;

@Schema(name = "ConsentRecorded", description = "The event appended, the resulting state, and its signed receipt")
public record ConsentRecordedView(@Schema(required = true, format = "uuid") String id,
                                  @Schema(required = true) ConsentStateView state,
                                  @Schema(required = true) Receipt receipt) {

    static ConsentRecordedView of(ConsentRecorder.Recorded r, org.steward.consent.internal.entity.Purpose p,
                                  OffsetDateTime now) {
        return new ConsentRecordedView(r.event().id(), ConsentStateView.of(p, r.state(), now), r.receipt());
    }
}
