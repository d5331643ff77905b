package org.steward.consent.api;

/** The legal ground of a purpose (GDPR Art. 6(1)): it decides which consent actions make sense for it. */
public enum LegalBasis {
    CONTRACT, LEGITIMATE_INTEREST, CONSENT
}
