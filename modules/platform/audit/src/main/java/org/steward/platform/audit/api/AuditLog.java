package org.steward.platform.audit.api;

/**
 * Appends to the audit log. The actor, role and correlation id are taken from the current request (SYSTEM and no
 * correlation id in timers and at start-up), so callers name only the action, the target and the outcome. Entries
 * hold ids, never personal data values.
 */
public interface AuditLog {

    /**
     * Appends inside the caller's transaction, which must exist: the entry commits or rolls back with the change it
     * records, so there is never a change without its entry nor an entry for a change that did not happen.
     */
    void append(String action, String targetType, String targetId, Outcome outcome);

    /** Appends in a transaction of its own: for refusals, whose own transaction rolls back. */
    void appendSeparately(String action, String targetType, String targetId, Outcome outcome);
}
