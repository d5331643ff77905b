package org.steward.platform.kernel.api.erasure;

/**
 * A module's part in every erasure. The driver (retention) calls each participant in turn, in one transaction:
 * rows deleted in every module, the reported data keys destroyed and the signed certificate written, or none of it.
 *
 * <p><b>How a module joins.</b> Implement this interface once, in one {@code @ApplicationScoped} bean of the module
 * (its {@code internal.control} package), return the module's name from {@link #module()}, and override the
 * methods of the scopes the module holds rows for; the others do nothing. That is all: the driver finds every bean of
 * this type ({@code Instance<ErasureParticipant>}) and calls them in the order of their module names, so a new module
 * (sharing, to propagate erasures to recipients; subject-rights, for its requests) joins without a change to
 * retention. Two beans naming the same module are refused (each erasure then fails and rolls back), so that a
 * module's deletions stay in one place.
 *
 * <p><b>Rules for a participant.</b>
 * <ul>
 * <li>Run in the caller's transaction: no {@code REQUIRES_NEW}, no commit, nothing asynchronous. Throw to roll the
 * whole erasure back (it is retried later).</li>
 * <li>Delete with set-based statements; load no rows (a subject may have many thousands of records, and a category
 * sweep runs over millions).</li>
 * <li>Report what was deleted on the part handed in: {@link ErasureReport.Part#deleted} per category (a
 * data-category key, or a name for the module's own rows such as {@code consent-events}), and
 * {@link ErasureReport.Part#dataKey} for every data key that protected the deleted data: the driver destroys those.
 * Counts and ids only: the report is signed into a certificate.</li>
 * <li>Work done after the commit (dropping a cache entry) belongs in a transaction synchronization, so that a
 * rollback leaves it undone.</li>
 * </ul>
 */
public interface ErasureParticipant {

    /** The module's name in reports and certificates ({@code identity}, {@code consent}...): one bean per name. */
    String module();

    /**
     * Called on every participant before any of them erases the subject, in the erasure's transaction: the one
     * moment to read what must still be known afterwards (sharing: how each recipient knows the subject, so that it
     * can be told to erase too). Read only; delete nothing here.
     */
    default void beforeSubjectErasure(SubjectErasure erasure) {
    }

    /** Every row about one data subject, and the data keys that protected them. */
    default void eraseSubject(SubjectErasure erasure, ErasureReport.Part report) {
    }

    /** What is left of a tenant once every one of its subjects was erased. */
    default void eraseTenant(TenantErasure erasure, ErasureReport.Part report) {
    }

    /** Every row about one website visitor's device. */
    default void eraseDevice(DeviceErasure erasure, ErasureReport.Part report) {
    }

    /** One chunk of a category's due records (at most {@link CategoryErasure#limit()} rows). */
    default void eraseCategory(CategoryErasure erasure, ErasureReport.Part report) {
    }
}
