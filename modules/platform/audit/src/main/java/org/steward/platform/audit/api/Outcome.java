package org.steward.platform.audit.api;

/** How an audited request ended. */
public enum Outcome {
    /** The action happened; the entry committed with it. */
    SUCCESS,
    /** The request was refused or failed; nothing it would have changed was kept. */
    FAILURE,
    /** Authentication was missing or the caller's roles do not allow the endpoint (401/403). */
    DENIED
}
