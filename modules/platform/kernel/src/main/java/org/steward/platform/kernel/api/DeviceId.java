package org.steward.platform.kernel.api;

import java.util.regex.Pattern;

/**
 * A website visitor's pseudonymous device id: an opaque value the visitor's browser generated (cookie banner), long
 * enough not to be guessed, never an email or a name. Not a UUID, so not a {@link TypedId}; consent keeps a device's
 * choices under it.
 */
public record DeviceId(String value) {

    /** What a device id looks like. */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    public DeviceId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a device id: 16 to 128 letters, digits, '-' or '_'");
        }
    }

    public static DeviceId of(String text) {
        return new DeviceId(text);
    }

    public String asString() {
        return value;
    }
}
