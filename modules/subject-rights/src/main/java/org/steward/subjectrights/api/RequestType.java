package org.steward.subjectrights.api;

/** The eight rights of policy §9 and §12 (placeholder until the deadlines branch lands). */
public enum RequestType {
    ACCESS, RECTIFICATION, ERASURE, RESTRICTION, OBJECTION, PORTABILITY, WITHDRAW_CONSENT, COMPLAINT
}
