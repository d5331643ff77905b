package org.steward.consent.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.internal.control.ConsentRecorder;
import org.steward.consent.internal.control.Receipt;

@Schema(name = "ConsentRecorded", description = "The event appended, the resulting state, and its signed receipt")
public record ConsentRecordedView(@Schema(required = true, format = "uuid") String id,
                                  @Schema(required = true) ConsentStateView state,
                                  @Schema(required = true) Receipt receipt,
                                  @Schema(required = true, type = SchemaType.ARRAY, implementation = Receipt.class,
                                          description = "Receipts of the opt-outs of sharing that a passed-on"
                                                  + " Sec-GPC: 1 recorded after the action")
                                  List<Receipt> gpcReceipts) {

    static ConsentRecordedView of(ConsentRecorder.Recorded r, org.steward.consent.internal.entity.Purpose p,
                                  OffsetDateTime now, List<Receipt> gpcReceipts) {
        return new ConsentRecordedView(r.event().id(), ConsentStateView.of(p, r.state(), now), r.receipt(),
                gpcReceipts);
    }
}
