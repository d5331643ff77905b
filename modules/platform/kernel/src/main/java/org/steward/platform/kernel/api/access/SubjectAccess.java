package org.steward.platform.kernel.api.access;

import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/** An export of one subject's data, for the request {@code requestId}. */
public record SubjectAccess(String requestId, TenantId tenantId, SubjectId subjectId) {
}
