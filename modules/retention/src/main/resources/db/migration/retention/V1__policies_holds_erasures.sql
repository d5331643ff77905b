-- Retention policies per data category (consent_data_category keys). No foreign key: the register of categories is
-- the consent module's, and a module refers to another module's data by key only.
CREATE TABLE retention_policy (
    category_key VARCHAR(64) PRIMARY KEY,
    trigger_kind VARCHAR(32) NOT NULL,
    period_days  INTEGER NOT NULL,
    rationale    VARCHAR(1000) NOT NULL,
    lease_owner  VARCHAR(36),
    lease_until  TIMESTAMP WITH TIME ZONE,
    swept_at     TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT NOT NULL
);

-- Legal holds suspend automatic deletion for a tenant or a subject until they end or are released.
CREATE TABLE retention_legal_hold (
    id                VARCHAR(36) PRIMARY KEY,
    scope             VARCHAR(16) NOT NULL,
    tenant_id         VARCHAR(36) NOT NULL,
    subject_id        VARCHAR(36),
    reason            VARCHAR(1000) NOT NULL,
    owner             VARCHAR(200) NOT NULL,
    ends_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    blocks_requests   BOOLEAN NOT NULL,
    block_reason      VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX retention_legal_hold_tenant ON retention_legal_hold (tenant_id, ends_at);
CREATE INDEX retention_legal_hold_subject ON retention_legal_hold (subject_id, ends_at);

-- The erasure outbox: every trigger inserts a row in the transaction of its cause, so the erasure cannot be lost. The
-- sweep claims rows with a lease (a conditional UPDATE: the same SQL on PostgreSQL and H2) and erases each subject in
-- one transaction that also marks the row DONE. A TENANT row expands into one SUBJECT row per subject (parent_id).
CREATE TABLE retention_erasure (
    id              VARCHAR(36) PRIMARY KEY,
    scope           VARCHAR(16) NOT NULL,
    tenant_id       VARCHAR(36),
    subject_id      VARCHAR(36),
    category_key    VARCHAR(64),
    trigger_kind    VARCHAR(32) NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    reference       VARCHAR(200),
    parent_id       VARCHAR(36),
    status          VARCHAR(16) NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    held_by         VARCHAR(36),
    lease_owner     VARCHAR(36),
    lease_until     TIMESTAMP WITH TIME ZONE,
    expanded_after  VARCHAR(36),
    attempts        INTEGER NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    completed_by    VARCHAR(36),
    duration_micros BIGINT,
    records_erased  BIGINT,
    report          VARCHAR(4000)
);
CREATE INDEX retention_erasure_due ON retention_erasure (status, scope, due_at, id);
CREATE INDEX retention_erasure_subject ON retention_erasure (subject_id, status);
CREATE INDEX retention_erasure_tenant ON retention_erasure (tenant_id, scope, status);
CREATE UNIQUE INDEX retention_erasure_child ON retention_erasure (parent_id, subject_id);

-- Signed erasure certificates: ids, hashes, counts, key ids and times only, never personal data.
CREATE TABLE retention_certificate (
    id           VARCHAR(36) PRIMARY KEY,
    erasure_id   VARCHAR(36) NOT NULL,
    canonical    VARCHAR(20000) NOT NULL,
    key_id       VARCHAR(64) NOT NULL,
    algorithm    VARCHAR(16) NOT NULL,
    signature    VARCHAR(200) NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX retention_certificate_erasure ON retention_certificate (erasure_id);

-- One row per sweep run and instance: when, what was due, what was erased, how long it took.
CREATE TABLE retention_sweep_run (
    id               VARCHAR(36) PRIMARY KEY,
    instance_id      VARCHAR(36) NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms      BIGINT NOT NULL,
    due              BIGINT NOT NULL,
    subjects_erased  BIGINT NOT NULL,
    tenants_erased   BIGINT NOT NULL,
    records_erased   BIGINT NOT NULL,
    outcome          VARCHAR(16) NOT NULL
);
CREATE INDEX retention_sweep_run_started ON retention_sweep_run (started_at);

-- The seeded policies make policy §10 true: data tied to the licence lives as long as the licence (and goes at once
-- when it expires or is terminated); data whose purpose ends is disposed of after a short grace period.
INSERT INTO retention_policy (category_key, trigger_kind, period_days, rationale, updated_at, version) VALUES
('website-visitor', 'FIXED', 395, 'Website analytics and forms: 13 months after collection, the longest that web analytics needs (policy 4a, 5)', CURRENT_TIMESTAMP, 0),
('contact', 'LICENCE_EXPIRY', 0, 'Needed to support the licensee''s users for as long as the licence runs; erased without delay when it expires or is terminated (policy 10)', CURRENT_TIMESTAMP, 0),
('feedback', 'INACTIVITY', 365, 'Feedback serves support and product improvement; a year without any activity of the user means the purpose is fulfilled (policy 10)', CURRENT_TIMESTAMP, 0),
('welcome-email', 'PURPOSE_FULFILLED', 30, 'Drip-email activity: disposed of 30 days after the onboarding sequence ends (policy 5, 10)', CURRENT_TIMESTAMP, 0),
('in-app-analytics', 'FIXED', 395, 'Usage analytics: 13 months after collection, enough for year-on-year trends (policy 5)', CURRENT_TIMESTAMP, 0),
('connection-details', 'LICENCE_EXPIRY', 0, 'Needed to run the sync; erased without delay when the licence expires or is terminated (policy 10)', CURRENT_TIMESTAMP, 0),
('sync-configuration', 'LICENCE_EXPIRY', 0, 'Needed to run the sync; erased without delay when the licence expires or is terminated (policy 10)', CURRENT_TIMESTAMP, 0);
