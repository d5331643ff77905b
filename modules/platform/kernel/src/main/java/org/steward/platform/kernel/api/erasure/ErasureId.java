package org.steward.platform.kernel.api.erasure;

import java.util.UUID;
import org.steward.platform.kernel.api.TypedId;

/** The id of one erasure: retention's outbox row, its certificate, and the requests participants receive. */
public record ErasureId(UUID value) implements TypedId {

    public static ErasureId of(String text) {
        return new ErasureId(UUID.fromString(text));
    }
}
