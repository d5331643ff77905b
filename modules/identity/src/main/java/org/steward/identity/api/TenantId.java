package org.steward.identity.api;

import java.util.UUID;
import org.steward.platform.kernel.api.TypedId;

public record TenantId(UUID value) implements TypedId {

    public static TenantId of(String text) {
        return new TenantId(UUID.fromString(text));
    }
}
