package org.steward.consent.internal.control;

import java.util.Collection;

/**
 * The cluster signal of the decision cache: tells every other instance to drop holders after a commit here, and waits
 * (bounded) until they have. {@link #NONE} when this instance runs without Hazelcast.
 */
interface DecisionCluster {

    /** The key that stands for "every holder". */
    String ALL = "*";

    /** Drops {@code keys} on every other member and waits for their acknowledgements; returns the members missing. */
    int invalidateOthers(Collection<String> keys);

    String describe();

    DecisionCluster NONE = new DecisionCluster() {
        @Override
        public int invalidateOthers(Collection<String> keys) {
            return 0;
        }

        @Override
        public String describe() {
            return "local only (no Hazelcast)";
        }
    };
}
