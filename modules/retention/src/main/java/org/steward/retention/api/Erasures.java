package org.steward.retention.api;

import java.util.Optional;
import org.steward.platform.kernel.api.DeviceId;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;
import org.steward.platform.kernel.api.erasure.ErasureId;

/**
 * What other modules (subject-rights) may ask of retention: an erasure at the data subject's request. The request is
 * queued in the caller's transaction (it commits or rolls back with it) and carried out by the next sweep, which
 * calls every module's {@link org.steward.platform.kernel.api.erasure.ErasureParticipant} and ends with a signed
 * certificate.
 */
public interface Erasures {

    /**
     * Queues the erasure of a subject at their own request. {@code reference} is the request's reference (e.g. a
     * help-centre ticket key), never personal data. Returns the pending erasure if one is already queued.
     *
     * @throws org.steward.platform.kernel.api.ProblemException 404 when the subject does not exist in the tenant
     */
    ErasureId requestSubjectErasure(TenantId tenantId, SubjectId subjectId, String reference);

    /**
     * Queues the erasure of a subject whose Atlassian account Atlassian reported closed (its personal data reporting
     * API). No one approves it: it is carried out by the next sweep like any automatic trigger, so a legal hold
     * suspends it. {@code reference} as above. Returns the pending erasure if one is already queued; empty when the
     * subject is no longer there (erased meanwhile).
     */
    Optional<ErasureId> requestAccountClosedErasure(TenantId tenantId, SubjectId subjectId, String reference);

    /**
     * Queues the erasure of a website visitor's device (its consent records) at the visitor's request. A device is
     * bound to no tenant and no legal hold applies to it. {@code reference} as above. Returns the pending erasure if
     * one is already queued; a device Steward knows nothing about is erased all the same (its certificate then counts
     * nothing), so the answer does not tell whether a device id is known.
     */
    ErasureId requestDeviceErasure(DeviceId deviceId, String reference);

    /** Where an erasure stands; empty for an unknown id. */
    Optional<ErasureStatus> status(ErasureId erasureId);

    /**
     * The tenant's erasure, queued when its licence ended (expired or terminated): the pending one if there is one,
     * else the latest done. Empty when none was queued.
     */
    Optional<ErasureStatus> tenantErasure(TenantId tenantId);
}
