package org.steward.retention.api;

import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * What other modules (subject-rights) may ask of retention: the erasure of a subject at the subject's request. The
 * request is queued in the caller's transaction (it commits or rolls back with it) and carried out by the next sweep,
 * which ends with a signed certificate.
 */
public interface Erasures {

    /**
     * Queues the erasure of a subject at their own request. {@code reference} is the request's reference (e.g. a
     * help-centre ticket key), never personal data. Returns the pending erasure if one is already queued.
     *
     * @throws org.steward.platform.kernel.api.ProblemException 404 when the subject does not exist in the tenant
     */
    ErasureId requestSubjectErasure(TenantId tenantId, SubjectId subjectId, String reference);
}
