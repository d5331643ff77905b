package org.steward.consent.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.internal.entity.ProcessingRestriction;

@Schema(name = "ProcessingRestriction", description = "A restriction of processing (GDPR Art. 18)")
public record RestrictionView(@Schema(required = true) boolean restricted,
                              @Schema(required = true) String subjectId,
                              @Schema(description = "Set while restricted") String restrictionId,
                              @Schema(description = "The data-subject request it comes from") String requestRef,
                              @Schema(format = "date-time") OffsetDateTime restrictedAt) {

    static RestrictionView of(ProcessingRestriction r, String subjectId) {
        return new RestrictionView(true, subjectId, r.restrictionId(), r.requestRef(), r.restrictedAt());
    }

    static RestrictionView none(String subjectId) {
        return new RestrictionView(false, subjectId, null, null, null);
    }
}
