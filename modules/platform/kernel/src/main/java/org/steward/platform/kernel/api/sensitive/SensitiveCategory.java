package org.steward.platform.kernel.api.sensitive;

/**
 * What Steward refuses to store (policy §7): the special categories of personal data of GDPR Art. 9, personal data
 * relating to criminal convictions and offences (Art. 10), and national ids and card numbers.
 */
public enum SensitiveCategory {
    RACIAL_OR_ETHNIC_ORIGIN, POLITICAL_OPINION, RELIGION, PHILOSOPHICAL_BELIEF, TRADE_UNION, GENETIC, BIOMETRIC,
    HEALTH, SEX_LIFE, SEXUAL_ORIENTATION, CRIMINAL_CONVICTION, NATIONAL_ID, PAYMENT_CARD;

    /** The configuration key's suffix: {@code steward.sensitive.<key>}. */
    public String key() {
        return name().toLowerCase().replace('_', '-');
    }
}
