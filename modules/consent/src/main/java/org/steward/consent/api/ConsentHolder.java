package org.steward.consent.api;

import java.util.Optional;
import java.util.regex.Pattern;
import org.steward.platform.kernel.api.DeviceId;
import org.steward.platform.kernel.api.SubjectId;

/**
 * Whose choice a consent record is: a registered subject (identity's id) or a pseudonymous device id of a website
 * visitor. Stored as one reference, {@code subject:<uuid>} or {@code device:<id>}, so the current-state projection
 * has a single key for both.
 */
public record ConsentHolder(Kind kind, String id) {

    public enum Kind { SUBJECT, DEVICE }

    /** Device ids are opaque client-generated values: long enough not to be guessed, never an email or a name. */
    public static final Pattern DEVICE_ID = DeviceId.FORMAT;

    public static ConsentHolder subject(SubjectId id) {
        return new ConsentHolder(Kind.SUBJECT, id.asString());
    }

    public static ConsentHolder device(DeviceId id) {
        return new ConsentHolder(Kind.DEVICE, id.asString());
    }

    public static ConsentHolder device(String deviceId) {
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("not a device id");
        }
        return new ConsentHolder(Kind.DEVICE, deviceId);
    }

    public String ref() {
        return kind.name().toLowerCase() + ":" + id;
    }

    /** The subject's id when the holder is a registered subject; empty for a device. */
    public Optional<SubjectId> subjectId() {
        return kind == Kind.SUBJECT ? Optional.of(SubjectId.of(id)) : Optional.empty();
    }
}
