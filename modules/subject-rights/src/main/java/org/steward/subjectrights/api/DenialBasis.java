package org.steward.subjectrights.api;

import java.util.Set;

/**
 * Why a request may be refused, each under the law that allows it; a denial names one, plus free text for the
 * subject.
 */
public enum DenialBasis {
    /** The requester's identity could not be verified (GDPR Art. 12(6), CCPA §7060). */
    IDENTITY_NOT_VERIFIED("GDPR Art. 12(6); CCPA Regs §7060", Jurisdiction.values()),
    /** Manifestly unfounded (GDPR Art. 12(5)(b)). */
    MANIFESTLY_UNFOUNDED("GDPR Art. 12(5)", Jurisdiction.GDPR, Jurisdiction.UK_GDPR),
    /** Excessive, in particular repetitive (GDPR Art. 12(5)(b)). */
    EXCESSIVE("GDPR Art. 12(5)", Jurisdiction.GDPR, Jurisdiction.UK_GDPR),
    /** Processing is needed to comply with a legal obligation (GDPR Art. 17(3)(b)). */
    LEGAL_OBLIGATION("GDPR Art. 17(3)(b)", Jurisdiction.GDPR, Jurisdiction.UK_GDPR),
    /** Needed for the establishment, exercise or defence of legal claims (GDPR Art. 17(3)(e), 21(1)). */
    LEGAL_CLAIMS("GDPR Art. 17(3)(e)", Jurisdiction.GDPR, Jurisdiction.UK_GDPR),
    /** Compelling legitimate grounds override the objection (GDPR Art. 21(1)). */
    COMPELLING_LEGITIMATE_GROUNDS("GDPR Art. 21(1)", Jurisdiction.GDPR, Jurisdiction.UK_GDPR),
    /** Giving the data would adversely affect the rights and freedoms of others (GDPR Art. 15(4), 20(4)). */
    RIGHTS_OF_OTHERS("GDPR Art. 15(4)", Jurisdiction.GDPR, Jurisdiction.UK_GDPR),
    /** A legal hold on the subject's data (litigation, investigation) stops its erasure. */
    LEGAL_HOLD("legal hold", Jurisdiction.values()),
    /** CCPA: needed to comply with a legal obligation (Civ. Code §1798.105(d)(8), §1798.145(a)(1)). */
    CCPA_LEGAL_OBLIGATION("Cal. Civ. Code §1798.145(a)(1)", Jurisdiction.CCPA),
    /** CCPA: needed to complete the transaction or provide the service asked for (§1798.105(d)(1)). */
    CCPA_TRANSACTION("Cal. Civ. Code §1798.105(d)(1)", Jurisdiction.CCPA),
    /** CCPA: needed to help ensure security and integrity (§1798.105(d)(2)). */
    CCPA_SECURITY_INTEGRITY("Cal. Civ. Code §1798.105(d)(2)", Jurisdiction.CCPA),
    /** CCPA: needed to exercise or defend legal claims (§1798.145(a)(1)(E)). */
    CCPA_LEGAL_CLAIMS("Cal. Civ. Code §1798.145(a)(1)(E)", Jurisdiction.CCPA),
    /** CCPA: solely internal uses reasonably aligned with the consumer's expectations (§1798.105(d)(7)). */
    CCPA_INTERNAL_USES("Cal. Civ. Code §1798.105(d)(7)", Jurisdiction.CCPA),
    /** CCPA: more than two requests to know in 12 months (§1798.130(b)). */
    CCPA_REQUEST_LIMIT("Cal. Civ. Code §1798.130(b)", Jurisdiction.CCPA);

    private final String reference;
    private final Set<Jurisdiction> jurisdictions;

    DenialBasis(String reference, Jurisdiction... jurisdictions) {
        this.reference = reference;
        this.jurisdictions = Set.of(jurisdictions);
    }

    public String reference() {
        return reference;
    }

    public boolean appliesTo(Jurisdiction j) {
        return jurisdictions.contains(j);
    }
}
