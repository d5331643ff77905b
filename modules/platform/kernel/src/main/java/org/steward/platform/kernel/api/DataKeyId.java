package org.steward.platform.kernel.api;

import java.util.UUID;

/** The id of one data-encryption key. A subject's personal data is encrypted under exactly one of these. */
public record DataKeyId(UUID value) implements TypedId {

    public static DataKeyId of(String text) {
        return new DataKeyId(UUID.fromString(text));
    }
}
