-- The subprocessor register (policy §11). Data categories are consent's keys, comma-separated and sorted; no foreign
-- key: the register of categories is the consent module's. A widening waits in pending_categories until its notice's
-- objection window ends (pending_until). Connector secrets are ciphertexts under a data key of their own.
CREATE TABLE sharing_subprocessor (
    id                   VARCHAR(36) PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    name_key             VARCHAR(200) NOT NULL,
    category             VARCHAR(32) NOT NULL,
    purpose              VARCHAR(1000) NOT NULL,
    data_categories      VARCHAR(2000) NOT NULL,
    pending_categories   VARCHAR(2000),
    countries            VARCHAR(500) NOT NULL,
    transfer_mechanism   VARCHAR(40) NOT NULL,
    dpa_reference        VARCHAR(500),
    status               VARCHAR(16) NOT NULL,
    effective_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    pending_until        TIMESTAMP WITH TIME ZONE,
    connector            VARCHAR(16) NOT NULL,
    endpoint_url         VARCHAR(2000),
    secret_key_id        VARCHAR(36),
    secret_enc           BYTEA,
    certificate_pem      VARCHAR(20000),
    manual_due_days      INTEGER NOT NULL,
    retired_at           TIMESTAMP WITH TIME ZONE,
    retire_reason        VARCHAR(1000),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT NOT NULL
);
CREATE UNIQUE INDEX sharing_subprocessor_name ON sharing_subprocessor (name_key);

-- Change notices: the public feed. A notice with objection_until opens an objection window; applied_at is set when
-- the change it announces took effect.
CREATE TABLE sharing_notice (
    id                VARCHAR(36) PRIMARY KEY,
    subprocessor_id   VARCHAR(36) NOT NULL,
    kind              VARCHAR(32) NOT NULL,
    summary           VARCHAR(2000) NOT NULL,
    categories_added  VARCHAR(2000),
    published_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    objection_until   TIMESTAMP WITH TIME ZONE,
    effective_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    applied_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sharing_notice_published ON sharing_notice (published_at, id);
CREATE INDEX sharing_notice_due ON sharing_notice (applied_at, effective_at);

CREATE TABLE sharing_objection (
    id          VARCHAR(36) PRIMARY KEY,
    notice_id   VARCHAR(36) NOT NULL,
    tenant_id   VARCHAR(36) NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX sharing_objection_once ON sharing_objection (notice_id, tenant_id);

-- Tenants' subscriptions to change notices. The address and the webhook secret are ciphertexts.
CREATE TABLE sharing_subscription (
    id             VARCHAR(36) PRIMARY KEY,
    tenant_id      VARCHAR(36) NOT NULL,
    channel        VARCHAR(16) NOT NULL,
    data_key_id    VARCHAR(36) NOT NULL,
    address_enc    BYTEA NOT NULL,
    secret_enc     BYTEA,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    cancelled_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sharing_subscription_tenant ON sharing_subscription (tenant_id);

-- The notice outbox: one row per notice and subscription (unique: nobody is told twice), written with the notice,
-- leased by a conditional UPDATE, retried with backoff.
CREATE TABLE sharing_delivery (
    id               VARCHAR(36) PRIMARY KEY,
    notice_id        VARCHAR(36) NOT NULL,
    subscription_id  VARCHAR(36) NOT NULL,
    state            VARCHAR(16) NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner      VARCHAR(36),
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    delivered_at     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX sharing_delivery_once ON sharing_delivery (notice_id, subscription_id);
CREATE INDEX sharing_delivery_due ON sharing_delivery (state, next_attempt_at);

-- The disclosure ledger (GDPR Art. 15(1)(c), 30(1)(d)): who received which categories of whose data, why. The
-- client's id makes a report idempotent per tenant.
CREATE TABLE sharing_disclosure (
    id               VARCHAR(36) PRIMARY KEY,
    tenant_id        VARCHAR(36) NOT NULL,
    client_ref       VARCHAR(200) NOT NULL,
    fingerprint      VARCHAR(64) NOT NULL,
    subject_id       VARCHAR(36),
    recipient_id     VARCHAR(36) NOT NULL,
    categories       VARCHAR(2000) NOT NULL,
    purpose_key      VARCHAR(64) NOT NULL,
    legal_basis      VARCHAR(32) NOT NULL,
    jurisdiction     VARCHAR(8) NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_by      VARCHAR(100) NOT NULL
);
CREATE UNIQUE INDEX sharing_disclosure_client ON sharing_disclosure (tenant_id, client_ref);
CREATE INDEX sharing_disclosure_subject ON sharing_disclosure (subject_id, recipient_id);
CREATE INDEX sharing_disclosure_recipient ON sharing_disclosure (recipient_id, occurred_at);

-- Propagation to recipients (Art. 17(2), 19): one row per cause (an erasure, a correction, a restriction) and
-- recipient. What the recipient knows the subject by is a ciphertext under the row's own data key, destroyed once the
-- recipient confirmed or the task was waived.
CREATE TABLE sharing_propagation (
    id               VARCHAR(36) PRIMARY KEY,
    cause_ref        VARCHAR(36) NOT NULL,
    kind             VARCHAR(24) NOT NULL,
    tenant_id        VARCHAR(36) NOT NULL,
    subject_id       VARCHAR(36),
    recipient_id     VARCHAR(36) NOT NULL,
    connector        VARCHAR(16) NOT NULL,
    state            VARCHAR(16) NOT NULL,
    data_key_id      VARCHAR(36),
    payload_enc      BYTEA,
    categories       VARCHAR(2000) NOT NULL,
    remote_ref       VARCHAR(100),
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner      VARCHAR(36),
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    sent_at          TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE,
    closed_by        VARCHAR(100),
    close_note       VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT NOT NULL
);
CREATE UNIQUE INDEX sharing_propagation_once ON sharing_propagation (cause_ref, recipient_id);
CREATE INDEX sharing_propagation_due ON sharing_propagation (state, next_attempt_at);
CREATE INDEX sharing_propagation_remote ON sharing_propagation (remote_ref);

-- Signed callbacks already accepted: a replay of one (same signature) is refused.
CREATE TABLE sharing_callback_seen (
    signature    VARCHAR(128) PRIMARY KEY,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The policy's nine (§11). Categories, countries and transfer mechanisms are Steward's reading of what each service
-- does for the vendor; the privacy officer confirms them and records each DPA (PATCH). They take effect at once:
-- the policy already announced them.
INSERT INTO sharing_subprocessor (id, name, name_key, category, purpose, data_categories, countries, transfer_mechanism, status, effective_at, connector, manual_due_days, created_at, updated_at, version) VALUES
('5b0a6f0e-0001-4a8e-9c1e-000000000001', 'AWS', 'aws', 'INFRASTRUCTURE', 'Hosting of the apps and their data', 'connection-details,contact,feedback,in-app-analytics,sync-configuration,welcome-email', 'US', 'STANDARD_CONTRACTUAL_CLAUSES', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'MANUAL', 30, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
('5b0a6f0e-0002-4a8e-9c1e-000000000002', 'Google Cloud', 'google cloud', 'INFRASTRUCTURE', 'Hosting of the apps and their data', 'connection-details,contact,feedback,in-app-analytics,sync-configuration,welcome-email', 'US', 'STANDARD_CONTRACTUAL_CLAUSES', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'MANUAL', 30, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
('5b0a6f0e-0003-4a8e-9c1e-000000000003', 'Atlassian Cloud', 'atlassian cloud', 'INFRASTRUCTURE', 'The platform the apps run on (Forge, Connect)', 'connection-details,contact,sync-configuration', 'US', 'STANDARD_CONTRACTUAL_CLAUSES', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'MANUAL', 30, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
('5b0a6f0e-0004-4a8e-9c1e-000000000004', 'Slack', 'slack', 'PRODUCTIVITY', 'Internal communication about support cases', 'contact,feedback', 'US', 'STANDARD_CONTRACTUAL_CLAUSES', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'MANUAL', 30, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
('5b0a6f0e-0005-4a8e-9c1e-000000000005', 'Salesforce', 'salesforce', 'PRODUCTIVITY', 'Customer relationship management', 'contact,website-visitor', 'US', 'BINDING_CORPORATE_RULES', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'MANUAL', 30, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
('5b0a6f0e-0006-4a8e-9c1e-000000000006', 'monday.com', 'monday.com', 'PRODUCTIVITY', 'Work management of support and feedback follow-up', 'contact,feedback', 'IL', 'ADEQUACY_DECISION', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'MANUAL', 30, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
('5b0a6f0e-0007-4a8e-9c1e-000000000007', 'Atlassian Jira Service Management', 'atlassian jira service management', 'SUPPORT', 'The help center: support and privacy requests', 'contact,feedback', 'US', 'STANDARD_CONTRACTUAL_CLAUSES', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'MANUAL', 30, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
('5b0a6f0e-0008-4a8e-9c1e-000000000008', 'Google Analytics 4', 'google analytics 4', 'MARKETING_ANALYTICS', 'Web analytics of the vendor''s website', 'website-visitor', 'US', 'STANDARD_CONTRACTUAL_CLAUSES', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'MANUAL', 30, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),
('5b0a6f0e-0009-4a8e-9c1e-000000000009', 'LinkedIn Ads', 'linkedin ads', 'MARKETING_ANALYTICS', 'Advertising to visitors of the vendor''s website', 'website-visitor', 'US', 'STANDARD_CONTRACTUAL_CLAUSES', 'ACTIVE', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'MANUAL', 30, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0);
