package org.steward.retention.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * Fired in the erasure's transaction once a subject's rows are deleted and their data key destroyed: for modules that
 * must tell others (sharing: propagate the erasure to recipients).
 */
public record SubjectErased(ErasureId erasureId, TenantId tenantId, SubjectId subjectId, ErasureTrigger trigger,
                            OffsetDateTime occurredAt) implements DomainEvent {
}
