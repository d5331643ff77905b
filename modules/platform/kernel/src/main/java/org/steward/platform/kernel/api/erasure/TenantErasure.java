package org.steward.platform.kernel.api.erasure;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.steward.platform.kernel.api.TenantId;

/**
 * Erase what is left of a tenant once every one of its subjects was erased (each by its own {@link SubjectErasure}):
 * tenant-level rows, and anything that can identify a person among them. The tenant keeps a PII-free row saying it
 * existed.
 *
 * @param erasureId the erasure's id (for logs: never log anything else about it)
 * @param tenantId  the tenant
 * @param trigger   why (the licence expired or was terminated)
 * @param at        the erasure's time
 */
public record TenantErasure(ErasureId erasureId, TenantId tenantId, ErasureTrigger trigger, OffsetDateTime at) {

    public TenantErasure {
        Objects.requireNonNull(erasureId, "erasureId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(at, "at");
    }
}
