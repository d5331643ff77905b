package org.steward.identity.api;

import java.util.UUID;
import org.steward.platform.kernel.api.TypedId;

public record RecordId(UUID value) implements TypedId {

    public static RecordId of(String text) {
        return new RecordId(UUID.fromString(text));
    }
}
