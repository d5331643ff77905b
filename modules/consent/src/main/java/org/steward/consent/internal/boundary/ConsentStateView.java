package org.steward.consent.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.internal.entity.ConsentState;
import org.steward.consent.internal.entity.Purpose;

@Schema(name = "ConsentState", description = "The current state of one purpose; NONE when nothing was recorded")
public record ConsentStateView(@Schema(required = true) String purpose,
                               @Schema(required = true) LegalBasis legalBasis,
                               @Schema(required = true) ConsentStatus status,
                               ConsentAction lastAction,
                               Integer noticeVersion,
                               String noticeLanguage,
                               ConsentSource source,
                               @Schema(format = "date-time") OffsetDateTime changedAt,
                               @Schema(format = "date-time") OffsetDateTime expiresAt,
                               @Schema(required = true, description = "A grant past its expiry") boolean expired) {

    static ConsentStateView of(Purpose p, ConsentState s, OffsetDateTime now) {
        if (s == null) {
            return new ConsentStateView(p.key(), p.legalBasis(), ConsentStatus.NONE, null, null, null, null, null,
                    null, false);
        }
        boolean expired = s.expiresAt() != null && !s.expiresAt().isAfter(now);
        return new ConsentStateView(p.key(), p.legalBasis(), s.status(), s.lastAction(), s.noticeVersion(),
                s.noticeLanguage(), s.source(), s.changedAt(), s.expiresAt(), expired);
    }

    @Schema(name = "ConsentStateList")
    public record Items(@Schema(required = true, description = "subject:<uuid> or device:<id>") String holderRef,
                        @Schema(required = true, type = SchemaType.ARRAY, implementation = ConsentStateView.class)
                        List<ConsentStateView> items) {
    }
}
