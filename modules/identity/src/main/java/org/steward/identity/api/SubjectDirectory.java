package org.steward.identity.api;

import java.util.List;
import java.util.Optional;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/** What other modules may ask identity about a subject: whether it exists, and in which tenant. */
public interface SubjectDirectory {

    record SubjectRef(TenantId tenantId, SubjectId subjectId, boolean minor) {
    }

    Optional<SubjectRef> find(SubjectId subjectId);

    /** The ids of a tenant's subjects after {@code afterId} ("" for the first page), in id order: keyset pages. */
    List<SubjectId> subjectsOf(TenantId tenantId, String afterId, int limit);
}
