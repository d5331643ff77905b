package org.steward.platform.kernel.api;

import java.util.UUID;

/** The id of a tenant (a licensee). Identity owns tenants; every module refers to one by this id. */
public record TenantId(UUID value) implements TypedId {

    public static TenantId of(String text) {
        return new TenantId(UUID.fromString(text));
    }
}
