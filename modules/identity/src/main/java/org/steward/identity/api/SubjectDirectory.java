package org.steward.identity.api;

import java.util.Optional;

/** What other modules may ask identity about a subject: whether it exists, and in which tenant. */
public interface SubjectDirectory {

    record SubjectRef(TenantId tenantId, SubjectId subjectId, boolean minor) {
    }

    Optional<SubjectRef> find(SubjectId subjectId);
}
