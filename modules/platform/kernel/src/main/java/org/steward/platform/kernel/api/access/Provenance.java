package org.steward.platform.kernel.api.access;

/**
 * Where a category's data came from: it decides what a portability export (Art. 20) carries, which is only what the
 * subject PROVIDED, on consent or contract.
 */
public enum Provenance {
    /** Given by the subject (a form, a profile, a consent choice). */
    PROVIDED,
    /** Recorded about the subject while the service was used (connection details, email activity). */
    OBSERVED,
    /** What the controller decided or derived about the subject (retention periods, legal holds, purposes). */
    DERIVED
}
