package org.steward.platform.kernel.internal.clock;

import java.util.Optional;

/**
 * {@code STEWARD_TESTING_CLOCK}: unset (or empty) is the real clock; exactly {@code enabled} gives a clock that an
 * ADMIN can move through {@code /api/v1/testing/clock}. Any other value stops the start-up, so that a typo or a
 * "true" copied from somewhere cannot leave a production server with either setting by surprise.
 */
public final class TestingClockConfig {

    public static final String KEY = "steward.testing.clock";
    public static final String VARIABLE = "STEWARD_TESTING_CLOCK";
    public static final String ENABLED = "enabled";

    private TestingClockConfig() {
    }

    /** True when the testing clock is enabled, false when the setting is absent; refuses anything else. */
    public static boolean enabled(Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            return false;
        }
        if (ENABLED.equals(value.get())) {
            return true;
        }
        throw new IllegalStateException(VARIABLE + " (" + KEY + ") must be left unset, for the real clock, or be"
                + " exactly '" + ENABLED + "', for a clock that tests can move (never in production); it is '"
                + shown(value.get()) + "'. Steward does not start with any other value.");
    }

    private static String shown(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
