-- Each "verify chain" and its result, outside the chain itself: appending to the chain would change what the next
-- verification checks. Ids and counts only.
CREATE TABLE platform_audit_verification (
    id                VARCHAR(36) PRIMARY KEY,
    verified_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    actor             VARCHAR(200) NOT NULL,
    valid             BOOLEAN NOT NULL,
    checked           BIGINT NOT NULL,
    first_broken_seq  BIGINT,
    first_broken_why  VARCHAR(200)
);
CREATE INDEX platform_audit_verification_at ON platform_audit_verification (verified_at);
