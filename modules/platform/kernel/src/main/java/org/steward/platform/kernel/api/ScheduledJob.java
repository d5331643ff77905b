package org.steward.platform.kernel.api;

import java.time.Duration;

/**
 * Periodic work that a module contributes (licence expiry, retention sweeps). The host application runs every such
 * CDI bean on its own timer, because start-up and timers must live in the WAR to work in both packagings. A job must be
 * idempotent and safe when several instances run it at once.
 */
public interface ScheduledJob {

    String name();

    Duration period();

    void run();
}
