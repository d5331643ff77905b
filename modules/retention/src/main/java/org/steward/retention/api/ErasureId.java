package org.steward.retention.api;

import java.util.UUID;
import org.steward.platform.kernel.api.TypedId;

public record ErasureId(UUID value) implements TypedId {

    public static ErasureId of(String text) {
        return new ErasureId(UUID.fromString(text));
    }
}
