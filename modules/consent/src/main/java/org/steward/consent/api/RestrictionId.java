package org.steward.consent.api;

import java.util.UUID;
import org.steward.platform.kernel.api.TypedId;

/** The id of one restriction of a subject's processing (GDPR Art. 18). */
public record RestrictionId(UUID value) implements TypedId {

    public static RestrictionId of(String text) {
        return new RestrictionId(UUID.fromString(text));
    }
}
