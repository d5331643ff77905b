package org.steward.platform.kernel.api.erasure;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * Erase one chunk of a data category's records that a retention policy makes due. The subjects remain, and so do
 * their data keys: these records are deleted, not crypto-shredded. A participant that holds no records of the
 * category does nothing. The trigger is always {@link ErasureTrigger#POLICY}.
 *
 * @param erasureId    the category erasure's id: every chunk of one sweep over the category carries the same
 * @param category     the data-category key (e.g. {@code feedback})
 * @param kind         which records are due: see {@link PolicyKind}
 * @param cutoff       FIXED: records obtained before it; INACTIVITY: subjects last active before it;
 *                     PURPOSE_FULFILLED: the purposes ended before it (the driver already applied it to
 *                     {@code purposeEnds})
 * @param limit        delete at most this many rows (the driver repeats until fewer come back)
 * @param heldTenants  tenants under a legal hold, whose rows must be kept (FIXED, INACTIVITY)
 * @param heldSubjects subjects under a legal hold, whose rows must be kept (FIXED, INACTIVITY)
 * @param purposeEnds  PURPOSE_FULFILLED only: each subject whose purposes for the category all ended, to the time they
 *                     ended; its records of the category obtained up to then go (the driver already left out subjects
 *                     whose end is not yet due, or who are under a hold)
 * @param at           the erasure's time
 */
public record CategoryErasure(ErasureId erasureId, String category, PolicyKind kind, OffsetDateTime cutoff, int limit,
                              Set<TenantId> heldTenants, Set<SubjectId> heldSubjects,
                              Map<SubjectId, OffsetDateTime> purposeEnds, OffsetDateTime at) {

    public CategoryErasure {
        Objects.requireNonNull(erasureId, "erasureId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(at, "at");
        heldTenants = Set.copyOf(heldTenants);
        heldSubjects = Set.copyOf(heldSubjects);
        purposeEnds = Map.copyOf(purposeEnds);
        if ((kind == PolicyKind.PURPOSE_FULFILLED) == purposeEnds.isEmpty()) {
            throw new IllegalArgumentException("a PURPOSE_FULFILLED chunk, and only such a chunk, names purpose ends");
        }
    }

    /** FIXED or INACTIVITY: up to {@code limit} records due by their age, held tenants and subjects left out. */
    public static CategoryErasure byAge(ErasureId erasureId, String category, PolicyKind kind, OffsetDateTime cutoff,
                                        int limit, Set<TenantId> heldTenants, Set<SubjectId> heldSubjects,
                                        OffsetDateTime at) {
        if (kind == PolicyKind.PURPOSE_FULFILLED) {
            throw new IllegalArgumentException("PURPOSE_FULFILLED is not by age: use purposeEnded");
        }
        return new CategoryErasure(erasureId, category, kind, cutoff, limit, heldTenants, heldSubjects, Map.of(), at);
    }

    /** PURPOSE_FULFILLED: the category's records of these subjects, each obtained up to its purposes' end. */
    public static CategoryErasure purposeEnded(ErasureId erasureId, String category, OffsetDateTime cutoff,
                                               Map<SubjectId, OffsetDateTime> purposeEnds, OffsetDateTime at) {
        return new CategoryErasure(erasureId, category, PolicyKind.PURPOSE_FULFILLED, cutoff, purposeEnds.size(),
                Set.of(), Set.of(), purposeEnds, at);
    }

    public ErasureTrigger trigger() {
        return ErasureTrigger.POLICY;
    }
}
