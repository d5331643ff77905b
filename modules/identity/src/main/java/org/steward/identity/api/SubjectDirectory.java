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

    /** A tenant whose licence ended (EXPIRED or TERMINATED). */
    record EndedTenant(TenantId tenantId, LicenceStatus status) {
    }

    /**
     * Tenants whose licence ended and that still hold a subject, in id order: the erasure sweep's safety net, so that
     * no row outlives an ended licence (policy §10), whatever put it there (rows stored before the gate existed).
     */
    List<EndedTenant> endedTenantsHoldingSubjects(int limit);

    /** The ids of a tenant's subjects after {@code afterId} ("" for the first page), in id order: keyset pages. */
    List<SubjectId> subjectsOf(TenantId tenantId, String afterId, int limit);

    /**
     * The subjects, in every tenant, whose email is this one (compared as identity stores it: trimmed, case-folded),
     * found through the blind index; empty when there is none. Nothing is decrypted.
     */
    List<SubjectRef> withEmail(String email);

    /** The subject of a tenant with this Atlassian accountId, found through the blind index. */
    Optional<SubjectRef> withAccountId(TenantId tenantId, String accountId);

    /**
     * The subjects, in every tenant, with this Atlassian accountId (accountIds are global to Atlassian): whom a
     * request from a help center is about, where the customer's account is known but not the tenant.
     */
    List<SubjectRef> withAccountIdInEveryTenant(String accountId);

    /**
     * The email identity holds for the subject, decrypted: where a code goes when a subject files by accountId, so
     * that only the holder of the account's address can verify. Empty when the subject has none or does not exist.
     */
    Optional<String> emailOf(SubjectId subjectId);

    /** What the subject is known by outside Steward: its email, user name and Atlassian accountId, each if held. */
    record KnownIdentifiers(String email, String username, String accountId) {
    }

    /**
     * The subject's identifiers, decrypted: what a recipient of the subject's data knows it by, so that an erasure or a
     * correction can be passed on (GDPR Art. 19). Empty when the subject does not exist.
     */
    Optional<KnownIdentifiers> identifiersOf(SubjectId subjectId);
}
