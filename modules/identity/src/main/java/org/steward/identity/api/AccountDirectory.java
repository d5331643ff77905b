package org.steward.identity.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/** The Atlassian accounts a tenant's subjects are, for Atlassian's personal data reporting, and their freshness. */
public interface AccountDirectory {

    /**
     * A stored accountId and the oldest retrieval of the data held about it: the subject's profile, or any of its
     * personal data records if older.
     */
    record StoredAccount(SubjectId subjectId, String accountId, OffsetDateTime retrievedAt) {
    }

    /**
     * The tenant's subjects with an accountId, after {@code afterSubjectId} ("" for the first page), in id order:
     * keyset pages. Atlassian's placeholder {@code unknown} is never among them.
     */
    List<StoredAccount> accountsOf(TenantId tenantId, String afterSubjectId, int limit);

    /**
     * Marks the subject's profile stale (Atlassian reported the account updated) and fires
     * {@link SubjectDataInvalidated}; with {@code erase}, its email, user name and display name are erased at once
     * (the accountId stays: it is how the profile is fetched again). A subject already marked keeps its first mark;
     * returns false for a subject that is not there.
     */
    boolean markProfileStale(TenantId tenantId, SubjectId subjectId, boolean erase);
}
