package org.steward.platform.kernel.api.sensitive;

/** The special categories of personal data (GDPR Art. 9) and identifiers that Steward refuses to store (policy §7). */
public enum SensitiveCategory {
    HEALTH, RELIGION, TRADE_UNION, SEXUAL_ORIENTATION, NATIONAL_ID, PAYMENT_CARD
}
