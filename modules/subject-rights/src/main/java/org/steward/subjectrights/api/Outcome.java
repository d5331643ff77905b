package org.steward.subjectrights.api;

/** How a closed request ended, as the request log and the CCPA §7102 metrics count it. */
public enum Outcome {
    /** Everything asked for was done. */
    COMPLIED,
    /** Part of the request was done, the rest refused on a stated basis. */
    PARTIALLY_COMPLIED,
    /** Answered in full: the subject was told that no personal data about them is held. */
    NO_DATA_FOUND,
    /** Refused on a stated basis (an unverified identity, an exemption, a manifestly unfounded request...). */
    DENIED,
    /** Withdrawn by the subject, or closed by staff before any answer. */
    CANCELLED
}
