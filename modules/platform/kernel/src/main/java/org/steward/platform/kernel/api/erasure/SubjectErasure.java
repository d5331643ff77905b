package org.steward.platform.kernel.api.erasure;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * Erase every row about one data subject. A participant deletes them and reports the data keys that protected them:
 * the driver destroys those keys in the same transaction (crypto-shredding).
 *
 * @param erasureId the erasure's id (for logs: never log anything else about it)
 * @param tenantId  the subject's tenant
 * @param subjectId the subject
 * @param trigger   why
 * @param at        the erasure's time (for {@code updated_at} columns and the like)
 */
public record SubjectErasure(ErasureId erasureId, TenantId tenantId, SubjectId subjectId, ErasureTrigger trigger,
                             OffsetDateTime at) {

    public SubjectErasure {
        Objects.requireNonNull(erasureId, "erasureId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(at, "at");
    }
}
