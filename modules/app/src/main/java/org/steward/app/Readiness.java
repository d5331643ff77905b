package org.steward.app;

import jakarta.enterprise.context.ApplicationScoped;

/** Set once start-up (migrations, keys, timers) has completed. */
@ApplicationScoped
public class Readiness {

    private volatile boolean started;

    void markStarted() {
        started = true;
    }

    public boolean started() {
        return started;
    }
}
