package org.steward.identity.api;

import java.util.UUID;
import org.steward.platform.kernel.api.TypedId;

public record SubjectId(UUID value) implements TypedId {

    public static SubjectId of(String text) {
        return new SubjectId(UUID.fromString(text));
    }
}
