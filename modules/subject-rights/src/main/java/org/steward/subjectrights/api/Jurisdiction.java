package org.steward.subjectrights.api;

/** The law a request is made under (placeholder until the deadlines branch lands). */
public enum Jurisdiction {
    GDPR, UK_GDPR, CCPA
}
