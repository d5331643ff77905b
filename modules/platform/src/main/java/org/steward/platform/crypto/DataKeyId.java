package org.steward.platform.crypto;

import java.util.UUID;
import org.steward.platform.id.TypedId;

/** The id of one data-encryption key. A subject's personal data is encrypted under exactly one of these. */
public record DataKeyId(UUID value) implements TypedId {

    public static DataKeyId of(String text) {
        return new DataKeyId(UUID.fromString(text));
    }
}
