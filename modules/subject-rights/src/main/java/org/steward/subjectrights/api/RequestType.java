package org.steward.subjectrights.api;

/** What a data subject (or consumer) asks for. */
public enum RequestType {
    /** A copy of the personal data and the facts about its processing (GDPR Art. 15; CCPA right to know). */
    ACCESS("Art. 15", "§1798.110"),
    /** Correction of inaccurate personal data (GDPR Art. 16; CCPA right to correct). */
    RECTIFICATION("Art. 16", "§1798.106"),
    /** Erasure of the personal data (GDPR Art. 17; CCPA right to delete). */
    ERASURE("Art. 17", "§1798.105"),
    /** Restriction of processing (GDPR Art. 18; the nearest CCPA right is to limit the use of sensitive data). */
    RESTRICTION("Art. 18", "§1798.121"),
    /** Objection to processing on legitimate interest or for direct marketing (GDPR Art. 21; CCPA opt-out of sale or sharing). */
    OBJECTION("Art. 21", "§1798.120"),
    /** The data the subject provided, in a machine-readable format (GDPR Art. 20; CCPA's portable copy). */
    PORTABILITY("Art. 20", "§1798.130(a)(3)(B)(iii)"),
    /** Withdrawal of consent (GDPR Art. 7(3); under CCPA an opt-out of sale or sharing). */
    WITHDRAW_CONSENT("Art. 7(3)", "§1798.120"),
    /** A complaint about the processing, answered with the right to complain to the supervisory authority. */
    COMPLAINT("Art. 77", "§1798.199.45");

    private final String gdprArticle;
    private final String ccpaSection;

    RequestType(String gdprArticle, String ccpaSection) {
        this.gdprArticle = gdprArticle;
        this.ccpaSection = ccpaSection;
    }

    /** The provision the request rests on, for the notices sent to the subject: e.g. "UK GDPR Art. 15". */
    public String legalReference(Jurisdiction jurisdiction) {
        return switch (jurisdiction) {
            case GDPR -> "GDPR " + gdprArticle;
            case UK_GDPR -> "UK GDPR " + gdprArticle;
            case CCPA -> "Cal. Civ. Code " + ccpaSection;
        };
    }
}
