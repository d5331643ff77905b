package org.steward.consent.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.api.LegalBasis;
import org.steward.consent.internal.control.DecisionRules;

@Schema(name = "ConsentDecision", description = "Whether the purpose's processing is allowed for the holder now")
public record DecisionView(@Schema(required = true) String purpose,
                           @Schema(required = true) boolean allowed,
                           @Schema(required = true) LegalBasis basis,
                           @Schema(required = true, description = "SALE_PROHIBITED (a sale: never allowed, policy"
                                   + " §11), PURPOSE_RETIRED, RESTRICTED, OPTED_OUT_OF_SALE_OR_SHARING, GPC_SIGNAL,"
                                   + " CONSENT_GRANTED, NO_CONSENT, CONSENT_WITHDRAWN, CONSENT_EXPIRED, NOT_OPTED_OUT"
                                   + " (sharing under CCPA), LEGITIMATE_INTEREST, OBJECTED, OPTED_OUT or CONTRACT")
                           DecisionRules.Reason reason,
                           @Schema(required = true, description = "The jurisdiction applied (it matters for sharing)")
                           DecisionRules.Jurisdiction jurisdiction,
                           @Schema(required = true, description = "A Sec-GPC: 1 passed on by a SERVICE caller was"
                                   + " honoured before deciding")
                           boolean gpc) {

    static DecisionView of(DecisionRules.Decision d, DecisionRules.Jurisdiction jurisdiction, boolean gpc) {
        return new DecisionView(d.purpose(), d.allowed(), d.basis(), d.reason(), jurisdiction, gpc);
    }

    @Schema(name = "ConsentDecisionList")
    public record Items(@Schema(required = true, description = "subject:<uuid> or device:<id>") String holderRef,
                        @Schema(required = true, description = "A Sec-GPC: 1 passed on by a SERVICE caller was"
                                + " honoured before deciding") boolean gpc,
                        @Schema(required = true, type = SchemaType.ARRAY, implementation = DecisionView.class)
                        List<DecisionView> decisions) {
    }
}
