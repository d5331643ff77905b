-- GDPR Art. 18: a subject whose processing is restricted. One row per restricted holder; lifting deletes it (the
-- audit log keeps who restricted and lifted, and when). Decisions read it together with consent_state.
CREATE TABLE consent_restriction (
    holder_ref     VARCHAR(140) PRIMARY KEY,
    restriction_id VARCHAR(36) NOT NULL,
    tenant_id      VARCHAR(36) NOT NULL,
    request_ref    VARCHAR(64),
    restricted_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX consent_restriction_tenant ON consent_restriction (tenant_id);
