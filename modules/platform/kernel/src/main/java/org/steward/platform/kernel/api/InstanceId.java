package org.steward.platform.kernel.api;

import java.util.UUID;

/**
 * This instance's id while it runs: every lease it takes in the shared database is written under it (the
 * {@code lease_owner} columns), and start-up logs it, so that an operator can tell which instance holds which work and
 * whose leases a dead instance left behind. A new id at every start: a restarted instance never mistakes the leases of
 * its previous life for its own, and waits for them to run out like any other instance.
 */
public final class InstanceId {

    private static final String ID = UUID.randomUUID().toString();

    private InstanceId() {
    }

    public static String get() {
        return ID;
    }
}
