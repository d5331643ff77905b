package org.steward.identity.api;

import java.time.OffsetDateTime;
import java.util.Set;
import org.steward.platform.kernel.api.DomainEvent;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * The subject's profile is stale: its source (Atlassian) changed it since Steward retrieved it. Client apps refetch
 * it and store it again (which clears the mark). {@code fields} are the profile fields concerned; {@code erased} says
 * whether they were erased at once (the tenant's choice) rather than kept until refetched. Ids and names only.
 */
public record SubjectDataInvalidated(TenantId tenantId, SubjectId subjectId, Set<String> fields, boolean erased,
                                     OffsetDateTime occurredAt) implements DomainEvent {
}
