package org.steward.platform.kernel.api;

import java.time.Instant;

/**
 * The clock of the demo switch ({@code STEWARD_DEMO=enabled}): the demo loader sets it back to build weeks of history
 * through the real API, then returns it to the real time. Without the switch it does nothing and says so.
 */
public interface DemoTime {

    boolean enabled();

    /** From now on the clock reads {@code instant}, and runs on from there. */
    void travelTo(Instant instant);

    /** Back to the real time, for good. */
    void backToNow();
}
