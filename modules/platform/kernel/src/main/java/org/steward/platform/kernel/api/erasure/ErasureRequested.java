package org.steward.platform.kernel.api.erasure;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.steward.platform.kernel.api.DomainEvent;

/**
 * Asks every module to delete its rows in a scope, now, in the caller's transaction. Observe it synchronously
 * ({@code @Observes}, never {@code @ObservesAsync}): the deletions must commit or roll back with the destruction of
 * the data keys and the certificate.
 *
 * @param erasureId     the erasure's id (for logs: never log anything else about it)
 * @param scope         what is erased
 * @param tenantId      the tenant (SUBJECT, TENANT), or null
 * @param subjectId     the subject (SUBJECT), or null
 * @param trigger       why: LICENCE_EXPIRY, LICENCE_TERMINATION, SUBJECT_REQUEST, MINOR, POLICY...
 * @param category      CATEGORY only: the data-category key (e.g. {@code feedback})
 * @param policyTrigger CATEGORY only: FIXED (records obtained before {@code cutoff}), INACTIVITY (records of subjects
 *                      whose last activity is before {@code cutoff}) or PURPOSE_FULFILLED (the records of the subjects
 *                      in {@code purposeEnds}, obtained up to the time their purpose ended)
 * @param cutoff        CATEGORY only
 * @param limit         CATEGORY only: delete at most this many rows (the driver repeats until fewer come back)
 * @param heldTenants   CATEGORY only: tenants under a legal hold, whose rows must be kept
 * @param heldSubjects  CATEGORY only: subjects under a legal hold, whose rows must be kept
 * @param purposeEnds   PURPOSE_FULFILLED only: subject id to the time the purposes that use the category ended for it
 *                      (the driver already left out subjects whose end is not yet due, or who are under a hold)
 * @param report        where observers report their deletions and data keys
 */
public record ErasureRequested(String erasureId, ErasureScope scope, String tenantId, String subjectId, String trigger,
                               String category, String policyTrigger, OffsetDateTime cutoff, int limit,
                               Set<String> heldTenants, Set<String> heldSubjects,
                               Map<String, OffsetDateTime> purposeEnds, ErasureReport report,
                               OffsetDateTime occurredAt) implements DomainEvent {

    public static ErasureRequested subject(String erasureId, String tenantId, String subjectId, String trigger,
                                           ErasureReport report, OffsetDateTime now) {
        return new ErasureRequested(erasureId, ErasureScope.SUBJECT, tenantId, subjectId, trigger, null, null, null,
                0, Set.of(), Set.of(), Map.of(), report, now);
    }

    public static ErasureRequested tenant(String erasureId, String tenantId, String trigger, ErasureReport report,
                                          OffsetDateTime now) {
        return new ErasureRequested(erasureId, ErasureScope.TENANT, tenantId, null, trigger, null, null, null, 0,
                Set.of(), Set.of(), Map.of(), report, now);
    }

    public static ErasureRequested category(String erasureId, String category, String policyTrigger,
                                            OffsetDateTime cutoff, int limit, Set<String> heldTenants,
                                            Set<String> heldSubjects, ErasureReport report, OffsetDateTime now) {
        return new ErasureRequested(erasureId, ErasureScope.CATEGORY, null, null, "POLICY", category, policyTrigger,
                cutoff, limit, Set.copyOf(heldTenants), Set.copyOf(heldSubjects), Map.of(), report, now);
    }

    /** PURPOSE_FULFILLED: the category's records of these subjects, each obtained up to its purpose's end. */
    public static ErasureRequested purposeEnded(String erasureId, String category, OffsetDateTime cutoff,
                                                Map<String, OffsetDateTime> purposeEnds, ErasureReport report,
                                                OffsetDateTime now) {
        return new ErasureRequested(erasureId, ErasureScope.CATEGORY, null, null, "POLICY", category,
                "PURPOSE_FULFILLED", cutoff, purposeEnds.size(), Set.of(), Set.of(), Map.copyOf(purposeEnds), report,
                now);
    }
}
