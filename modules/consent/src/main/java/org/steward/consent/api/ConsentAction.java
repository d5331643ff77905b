package org.steward.consent.api;

/**
 * What a subject did. GRANT and WITHDRAW apply to consent-based purposes; OPT_OUT and OPT_IN to purposes the subject
 * may opt out of (legitimate interest, CCPA sale or sharing); OBJECT is the Art. 21 objection to legitimate interest.
 */
public enum ConsentAction {
    GRANT, WITHDRAW, OPT_OUT, OPT_IN, OBJECT
}
