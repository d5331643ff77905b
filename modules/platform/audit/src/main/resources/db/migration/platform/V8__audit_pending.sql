-- Accepted audit entries that are not yet sealed into the hash chain. An append inserts one row here inside the
-- transaction of the change it records, so it is durable from that commit on and takes no lock that other writers
-- wait for. The sequencer (AuditSequencer) moves them into platform_audit_entry in batches under the head row's
-- lock, within the bound stated in docs/architecture.md ("The audit log").
CREATE TABLE platform_audit_pending (
    id             VARCHAR(36) PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(255) NOT NULL,
    actor_kind     VARCHAR(16)  NOT NULL,
    actor_role     VARCHAR(32)  NOT NULL,
    action         VARCHAR(100) NOT NULL,
    target_type    VARCHAR(50),
    target_id      VARCHAR(255),
    outcome        VARCHAR(16)  NOT NULL,
    correlation_id VARCHAR(64)
);
CREATE INDEX platform_audit_pending_at ON platform_audit_pending (occurred_at, id);

-- When the sequencer sealed the entry: outside the hash (it is not part of what happened), kept to show the delay.
-- Null for entries appended before sealing was deferred.
ALTER TABLE platform_audit_entry ADD COLUMN sealed_at TIMESTAMP WITH TIME ZONE;
