package org.steward.consent.api;

/**
 * What a purpose is under CCPA (Cal. Civ. Code §1798.140): a <em>sale</em> (disclosure for money or other valuable
 * consideration) or a <em>sharing</em> (disclosure for cross-context behavioural advertising), or neither. Policy §11
 * says "we do not sell, rent, or trade personal data — ever": no purpose may become a SALE, and a decision for one is
 * always refused. SALE purposes exist only from before the two were told apart (consent's V4 migration retired them).
 */
public enum CcpaDisclosure {
    NONE, SHARING, SALE
}
