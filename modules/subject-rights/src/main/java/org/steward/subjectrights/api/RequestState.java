package org.steward.subjectrights.api;

import java.util.Set;

/**
 * Where a data-subject request stands. RECEIVED → VERIFYING → VERIFIED → IN_PROGRESS → COMPLETED, or DENIED (with a
 * basis) or CANCELLED; the three last are closed and final.
 */
public enum RequestState {
    RECEIVED, VERIFYING, VERIFIED, IN_PROGRESS, COMPLETED, DENIED, CANCELLED;

    public boolean closed() {
        return this == COMPLETED || this == DENIED || this == CANCELLED;
    }

    /** The states a request may move to from this one. */
    public Set<RequestState> next() {
        return switch (this) {
            case RECEIVED -> Set.of(VERIFYING, VERIFIED, DENIED, CANCELLED);
            case VERIFYING -> Set.of(VERIFIED, DENIED, CANCELLED);
            case VERIFIED -> Set.of(IN_PROGRESS, COMPLETED, DENIED, CANCELLED);
            case IN_PROGRESS -> Set.of(COMPLETED, DENIED);
            case COMPLETED, DENIED, CANCELLED -> Set.of();
        };
    }
}
