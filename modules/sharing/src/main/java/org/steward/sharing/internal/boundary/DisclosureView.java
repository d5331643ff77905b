package org.steward.sharing.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.sharing.internal.entity.Disclosure;
import org.steward.sharing.internal.entity.Subprocessor;

@Schema(name = "Disclosure", description = "A recorded disclosure. replayed: it was already recorded under its clientId")
public record DisclosureView(@Schema(required = true, format = "uuid") String id,
                             @Schema(required = true) String clientId,
                             @Schema(required = true, format = "uuid") String tenantId,
                             @Schema(format = "uuid") String subjectId,
                             @Schema(required = true, format = "uuid") String recipientId,
                             @Schema(required = true) String recipientName,
                             @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
                             List<String> categories,
                             @Schema(required = true) String purpose,
                             @Schema(required = true) String legalBasis,
                             @Schema(required = true, enumeration = {"GDPR", "CCPA"}) String jurisdiction,
                             @Schema(required = true, format = "date-time") OffsetDateTime occurredAt,
                             @Schema(required = true, format = "date-time") OffsetDateTime recordedAt,
                             @Schema(required = true) boolean replayed) {

    static DisclosureView of(Disclosure d, Subprocessor recipient, boolean replayed) {
        return new DisclosureView(d.id(), d.clientRef(), d.tenantId(), d.subjectId(), d.recipientId(),
                recipient == null ? d.recipientId() : recipient.name(), d.categories(), d.purposeKey(), d.legalBasis(),
                d.jurisdiction(), d.occurredAt(), d.recordedAt(), replayed);
    }
}
