-- The tamper-evident audit log. Entries hold ids, action names and outcomes only, never personal data values, so no
-- retention sweep touches them: they outlive the subjects they mention.
CREATE TABLE platform_audit_entry (
    seq            BIGINT PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(255) NOT NULL,
    actor_kind     VARCHAR(16)  NOT NULL,
    actor_role     VARCHAR(32)  NOT NULL,
    action         VARCHAR(100) NOT NULL,
    target_type    VARCHAR(50),
    target_id      VARCHAR(255),
    outcome        VARCHAR(16)  NOT NULL,
    correlation_id VARCHAR(64),
    prev_hash      VARCHAR(64)  NOT NULL,
    entry_hash     VARCHAR(64)  NOT NULL
);

CREATE INDEX platform_audit_entry_at ON platform_audit_entry (occurred_at);
CREATE INDEX platform_audit_entry_actor ON platform_audit_entry (actor, seq);
CREATE INDEX platform_audit_entry_target ON platform_audit_entry (target_type, target_id, seq);
CREATE INDEX platform_audit_entry_action ON platform_audit_entry (action, seq);

-- The head of the chain: one row that every append locks (SELECT ... FOR UPDATE), so that appends from every thread
-- and every instance on this database take seq numbers one after another, with no gap and no fork. It also lets
-- verification notice entries cut off the end of the log.
CREATE TABLE platform_audit_head (
    id        INTEGER PRIMARY KEY,
    last_seq  BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);

INSERT INTO platform_audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
