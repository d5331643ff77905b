package org.steward.identity.api;

import java.time.OffsetDateTime;
import java.util.Set;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/** The names of the fields that changed, never their values. */
public record SubjectRectified(TenantId tenantId, SubjectId subjectId, Set<String> fields, OffsetDateTime occurredAt)
        implements DomainEvent {
}
