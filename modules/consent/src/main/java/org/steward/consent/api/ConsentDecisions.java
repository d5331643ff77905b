package org.steward.consent.api;

import java.util.Optional;
import org.steward.platform.kernel.api.SubjectId;

/**
 * What other modules may ask of the consent decision: the same rules and cache as
 * {@code GET /api/v1/consent/decision}, so that a disclosure is checked exactly as a client's own question would be
 * (sharing refuses a disclosure to a marketing recipient the subject opted out of).
 */
public interface ConsentDecisions {

    /** What a purpose is, as far as a disclosure is concerned. */
    record PurposeTerms(String key, LegalBasis basis, CcpaDisclosure ccpa, boolean retired) {
    }

    /**
     * One decision. {@code reason} is one of the decision endpoint's stable codes ({@code OPTED_OUT_OF_SALE_OR_SHARING},
     * {@code GPC_SIGNAL}, {@code OBJECTED}, {@code RESTRICTED}, {@code NO_CONSENT}...).
     */
    record Decision(String purpose, boolean allowed, LegalBasis basis, String reason) {
    }

    /** The purpose's terms; empty for an unknown key. */
    Optional<PurposeTerms> terms(String purposeKey);

    /**
     * The decision for a subject and a purpose under a jurisdiction ({@code GDPR} or {@code CCPA}; null for the
     * configured default), within the caller's tenant scope.
     *
     * @throws org.steward.platform.kernel.api.ProblemException 404 naming {@code subject} for an unknown subject, 400
     *         naming {@code purpose} for an unknown purpose or {@code jurisdiction} for another value
     */
    Decision decide(SubjectId subjectId, String purposeKey, String jurisdiction);
}
