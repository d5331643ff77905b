package org.steward.consent.internal.control;

import java.util.Map;

/**
 * What the decision cache keeps per holder: the whole current-state projection (purpose key → facts), whether the
 * holder's processing is restricted, and the subject's tenant (null for a website visitor's device), so that a cached
 * decision needs no database round trip at all. Immutable.
 */
public record HolderState(String tenantId, Map<String, DecisionRules.StateFacts> states, boolean restricted) {

    public HolderState {
        states = Map.copyOf(states);
    }
}
