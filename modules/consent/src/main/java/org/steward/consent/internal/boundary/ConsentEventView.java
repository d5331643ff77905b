package org.steward.consent.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.internal.entity.ConsentEvent;

@Schema(name = "ConsentEvent")
public record ConsentEventView(@Schema(required = true, format = "uuid") String id,
                               @Schema(required = true) String purpose,
                               @Schema(required = true) ConsentAction action,
                               @Schema(required = true) ConsentStatus status,
                               Integer noticeVersion,
                               String noticeLanguage,
                               @Schema(required = true) ConsentSource source,
                               @Schema(required = true, format = "date-time") OffsetDateTime occurredAt,
                               @Schema(required = true, format = "date-time") OffsetDateTime recordedAt,
                               @Schema(format = "date-time") OffsetDateTime expiresAt,
                               String userAgent,
                               @Schema(description = "HMAC-SHA-256 of the IP address under a server key") String ipHash,
                               @Schema(required = true, format = "uuid") String receiptId,
                               @Schema(required = true) boolean imported) {

    static ConsentEventView of(ConsentEvent e) {
        return new ConsentEventView(e.id(), e.purposeKey(), e.action(), e.status(), e.noticeVersion(),
                e.noticeLanguage(), e.source(), e.occurredAt(), e.recordedAt(), e.expiresAt(), e.userAgent(),
                e.ipHash(), e.receiptId(), e.importKey() != null);
    }

    @Schema(name = "ConsentHistory", description = "Every consent event of a subject, oldest first")
    public record History(@Schema(required = true) String holderRef,
                          @Schema(format = "uuid") String tenantId,
                          @Schema(required = true, format = "date-time") OffsetDateTime exportedAt,
                          @Schema(required = true, type = SchemaType.ARRAY, implementation = ConsentEventView.class)
                          List<ConsentEventView> events) {
    }
}
