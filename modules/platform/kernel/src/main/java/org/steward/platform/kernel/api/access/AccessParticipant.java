package org.steward.platform.kernel.api.access;

/**
 * A module's part in every access or portability export. The driver (subject-rights) runs one task per participant
 * and request: it calls the participant in a transaction of the task's own, with a section that streams what is
 * written into the stored export (encrypted), and retries the task if it throws.
 *
 * <p><b>How a module joins.</b> Implement this interface once, in one {@code @ApplicationScoped} bean of the module,
 * return the module's name from {@link #module()}, and override the scopes the module holds data for. The driver
 * finds every bean of this type; two beans naming one module are refused.
 *
 * <p><b>Rules.</b> Write what the module holds about the subject as it is now, decrypted: every category, even an
 * empty one (a category with no rows says "we hold none of this"). Read in pages, never load every row at once.
 * Write no audit entry (the driver audits the export). Change nothing.
 */
public interface AccessParticipant {

    /** The module's name in the export ({@code identity}, {@code consent}...): one bean per name. */
    String module();

    /** Everything the module holds about one data subject of a tenant. */
    default void exportSubject(SubjectAccess access, AccessSection section) {
    }

    /** Everything the module holds about one website visitor's device. */
    default void exportDevice(DeviceAccess access, AccessSection section) {
    }
}
