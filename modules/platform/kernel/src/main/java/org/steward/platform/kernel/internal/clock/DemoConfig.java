package org.steward.platform.kernel.internal.clock;

import java.util.Optional;

/** {@code STEWARD_DEMO} ({@code steward.demo}): unset, or exactly {@code enabled}; anything else stops the start. */
public final class DemoConfig {

    public static final String KEY = "steward.demo";
    public static final String VARIABLE = "STEWARD_DEMO";

    private DemoConfig() {
    }

    public static boolean enabled(Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            return false;
        }
        if (TestingClockConfig.ENABLED.equals(value.get())) {
            return true;
        }
        throw new IllegalStateException(VARIABLE + " (" + KEY + ") must be left unset, or be exactly '"
                + TestingClockConfig.ENABLED + "' to load the fictional demo dataset into an empty database; Steward"
                + " does not start with any other value.");
    }
}
