package org.steward.consent.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.internal.control.Ropa;

@Schema(name = "Ropa", description = "GDPR Art. 30 record of processing activities, one activity per purpose")
public record RopaView(@Schema(required = true) String controller,
                       @Schema(required = true, format = "date-time") OffsetDateTime generatedAt,
                       @Schema(required = true, type = SchemaType.ARRAY, implementation = Activity.class)
                       List<Activity> activities) {

    @Schema(name = "RopaActivity")
    public record Activity(@Schema(required = true) String purposeKey,
                           @Schema(required = true) String purpose,
                           @Schema(required = true) String description,
                           @Schema(required = true) String legalBasis,
                           @Schema(required = true) boolean saleOrSharing,
                           @Schema(required = true) boolean optOutAllowed,
                           @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
                           List<String> dataCategories,
                           @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
                           List<String> dataSubjects,
                           @Schema(required = true) String recipients,
                           @Schema(required = true) String transfers,
                           @Schema(required = true) String retention) {

        static Activity of(Ropa.Activity a) {
            return new Activity(a.purposeKey(), a.purpose(), a.description(), a.legalBasis(), a.saleOrSharing(),
                    a.optOutAllowed(), a.dataCategories(), a.dataSubjects(), a.recipients(), a.transfers(),
                    a.retention());
        }
    }
}
