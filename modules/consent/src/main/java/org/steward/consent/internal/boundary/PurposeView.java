package org.steward.consent.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.api.CcpaDisclosure;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.internal.entity.Purpose;

@Schema(name = "Purpose")
public record PurposeView(@Schema(required = true) String key,
                          @Schema(required = true) String name,
                          @Schema(required = true) String description,
                          @Schema(required = true) LegalBasis legalBasis,
                          @Schema(required = true, description = "NONE, SHARING (cross-context behavioural"
                                  + " advertising) or SALE (never allowed: only retired purposes of the past)")
                          CcpaDisclosure ccpa,
                          @Schema(required = true) boolean optOutAllowed,
                          @Schema(required = true) boolean email,
                          @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
                          List<String> categories,
                          @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                          @Schema(format = "date-time") OffsetDateTime updatedAt,
                          @Schema(required = true, description = "Retired: its history stays, nothing new may be"
                                  + " granted, its decisions deny with PURPOSE_RETIRED") boolean retired,
                          @Schema(format = "date-time") OffsetDateTime retiredAt,
                          String retirementReason) {

    static PurposeView of(Purpose p) {
        return new PurposeView(p.key(), p.name(), p.description(), p.legalBasis(), p.ccpa(),
                p.optOutAllowed(), p.email(), List.copyOf(p.categories()), p.createdAt(), p.updatedAt(), p.retired(),
                p.retiredAt(), p.retirementReason());
    }

    @Schema(name = "PurposeList")
    public record Items(@Schema(required = true, type = SchemaType.ARRAY, implementation = PurposeView.class)
                        List<PurposeView> items) {
    }
}
