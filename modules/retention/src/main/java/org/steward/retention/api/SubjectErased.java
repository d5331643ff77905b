package org.steward.retention.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.erasure.ErasureId;
import org.steward.platform.kernel.api.erasure.ErasureTrigger;

/**
 * Fired in the erasure's transaction once a subject's rows are deleted and their data key destroyed. A module that
 * must act on an erasure in the same transaction (sharing: record the propagation to recipients) joins as an
 * {@link org.steward.platform.kernel.api.erasure.ErasureParticipant} instead, so that its part is in the report and
 * the certificate; this event is for those that only need to know.
 */
public record SubjectErased(ErasureId erasureId, TenantId tenantId, SubjectId subjectId, ErasureTrigger trigger,
                            OffsetDateTime occurredAt) implements DomainEvent {
}
