package org.steward.subjectrights.api;

/** How a closed request ended (placeholder until the deadlines branch lands). */
public enum Outcome {
    COMPLIED, PARTIALLY_COMPLIED, NO_DATA_FOUND, DENIED, CANCELLED
}
