-- Data categories of policy §4 and the purposes of §5 with their legal grounds of §6. Not personal data: in clear.
CREATE TABLE consent_data_category (
    category_key  VARCHAR(64) PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    description   VARCHAR(2000) NOT NULL,
    data_subjects VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE consent_purpose (
    purpose_key     VARCHAR(64) PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    description     VARCHAR(2000) NOT NULL,
    legal_basis     VARCHAR(32) NOT NULL,
    sale_or_sharing BOOLEAN NOT NULL,
    opt_out_allowed BOOLEAN NOT NULL,
    email           BOOLEAN NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE consent_purpose_category (
    purpose_key  VARCHAR(64) NOT NULL REFERENCES consent_purpose (purpose_key),
    category_key VARCHAR(64) NOT NULL REFERENCES consent_data_category (category_key),
    PRIMARY KEY (purpose_key, category_key)
);

-- A notice is immutable: a changed text is a new version. The hash is of the UTF-8 text.
CREATE TABLE consent_notice (
    id           VARCHAR(36) PRIMARY KEY,
    purpose_key  VARCHAR(64) NOT NULL REFERENCES consent_purpose (purpose_key),
    language     VARCHAR(16) NOT NULL,
    version      INTEGER NOT NULL,
    text         VARCHAR(20000) NOT NULL,
    content_hash VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX consent_notice_version ON consent_notice (purpose_key, language, version);

-- Append-only: rows are inserted, never updated. holder_ref is 'subject:<uuid>' or 'device:<id>'. The proof keeps
-- the user agent and a keyed hash of the IP address, never the address itself.
CREATE TABLE consent_event (
    id              VARCHAR(36) PRIMARY KEY,
    tenant_id       VARCHAR(36),
    holder_ref      VARCHAR(140) NOT NULL,
    purpose_key     VARCHAR(64) NOT NULL REFERENCES consent_purpose (purpose_key),
    action          VARCHAR(16) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    notice_id       VARCHAR(36) REFERENCES consent_notice (id),
    notice_version  INTEGER,
    notice_language VARCHAR(16),
    source          VARCHAR(16) NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    user_agent      VARCHAR(512),
    ip_hash         VARCHAR(64),
    import_key      VARCHAR(128),
    receipt_id      VARCHAR(36) NOT NULL
);
CREATE INDEX consent_event_holder ON consent_event (holder_ref, id);
CREATE INDEX consent_event_tenant ON consent_event (tenant_id, id);
-- A re-import finds its lines here: one row per tenant and import key (the external id, or the line's hash).
CREATE UNIQUE INDEX consent_event_import ON consent_event (tenant_id, import_key);

-- The current state per holder × purpose: a projection of consent_event, updated in the same transaction.
CREATE TABLE consent_state (
    holder_ref      VARCHAR(140) NOT NULL,
    purpose_key     VARCHAR(64) NOT NULL REFERENCES consent_purpose (purpose_key),
    tenant_id       VARCHAR(36),
    status          VARCHAR(16) NOT NULL,
    last_action     VARCHAR(16) NOT NULL,
    notice_version  INTEGER,
    notice_language VARCHAR(16),
    source          VARCHAR(16) NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    event_id        VARCHAR(36) NOT NULL,
    version         BIGINT NOT NULL,
    PRIMARY KEY (holder_ref, purpose_key)
);
CREATE INDEX consent_state_tenant ON consent_state (tenant_id, holder_ref);

-- Public keys of the receipt-signing key pairs; the private halves are platform secrets wrapped by the master key.
CREATE TABLE consent_signing_key (
    key_id     VARCHAR(64) PRIMARY KEY,
    algorithm  VARCHAR(16) NOT NULL,
    public_key VARCHAR(512) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO consent_data_category (category_key, name, description, data_subjects, created_at) VALUES
('website-visitor', 'Website visitor data', 'Name, email and company name from forms; device and browser information; pages visited, time on site, IP address; cookie consent status (policy 4a)', 'Website visitors', CURRENT_TIMESTAMP),
('contact', 'Contact data', 'Name, user email, user name and any other personal data given to us directly (policy 4b)', 'App users', CURRENT_TIMESTAMP),
('feedback', 'Feedback data', 'Name, user email and any other personal data given with feedback (policy 4b)', 'App users', CURRENT_TIMESTAMP),
('welcome-email', 'Welcome-email activity', 'Name, user email and activity with regard to drip feed emails (policy 4b)', 'App users', CURRENT_TIMESTAMP),
('in-app-analytics', 'In-app analytics', 'User ID or account ID, tenant ID, location (policy 4b)', 'App users', CURRENT_TIMESTAMP),
('connection-details', 'Connection details', 'Confluence or Jira Cloud URL, user email, encrypted personal access token (policy 4b)', 'App users', CURRENT_TIMESTAMP),
('sync-configuration', 'Sync configuration profiles', 'Mapped statuses, issue types, field values, user email mappings (policy 4b)', 'App users', CURRENT_TIMESTAMP);

-- Legal grounds from policy §6 where it names them; the others are chosen and documented in docs/architecture.md.
INSERT INTO consent_purpose (purpose_key, name, description, legal_basis, sale_or_sharing, opt_out_allowed, email, created_at) VALUES
('communication-support', 'Communication and support', 'To provide customer support, respond to inquiries, and send notifications', 'CONTRACT', FALSE, FALSE, FALSE, CURRENT_TIMESTAMP),
('app-provision', 'Provision of the apps', 'To create user accounts, process billing, manage accounts, and notify users of system maintenance', 'CONTRACT', FALSE, FALSE, FALSE, CURRENT_TIMESTAMP),
('product-improvement', 'Product and service improvement', 'To analyse feedback and usage data to maintain and enhance the quality of the apps, including dashboards and trend analysis', 'CONTRACT', FALSE, FALSE, FALSE, CURRENT_TIMESTAMP),
('anonymised-research', 'Research and reporting on anonymised data', 'To generate and share reports based on anonymised and aggregated data', 'LEGITIMATE_INTEREST', FALSE, TRUE, FALSE, CURRENT_TIMESTAMP),
('drip-emails', 'Drip (onboarding) emails', 'To provide learning and onboarding emails following app installation', 'LEGITIMATE_INTEREST', FALSE, TRUE, TRUE, CURRENT_TIMESTAMP),
('web-analytics', 'Service optimisation through web analytics', 'To track user interactions via Google Analytics, including click behaviour and navigation paths, to improve our services', 'CONSENT', FALSE, TRUE, FALSE, CURRENT_TIMESTAMP),
('direct-marketing', 'Direct marketing', 'Direct marketing to existing customers', 'LEGITIMATE_INTEREST', FALSE, TRUE, TRUE, CURRENT_TIMESTAMP),
('explicit-consent-marketing', 'Marketing requiring explicit consent', 'Marketing activities that require explicit consent', 'CONSENT', FALSE, TRUE, TRUE, CURRENT_TIMESTAMP),
('in-app-analytics', 'In-app analytics', 'Usage analytics inside the apps; the subject may opt out (policy 9)', 'LEGITIMATE_INTEREST', FALSE, TRUE, FALSE, CURRENT_TIMESTAMP),
('sale-or-sharing', 'Sale or sharing of personal information (CCPA)', 'Selling or sharing personal information for cross-context behavioural advertising; the subject may opt out (do not sell or share, Global Privacy Control)', 'LEGITIMATE_INTEREST', TRUE, TRUE, FALSE, CURRENT_TIMESTAMP);

INSERT INTO consent_purpose_category (purpose_key, category_key) VALUES
('communication-support', 'contact'),
('communication-support', 'feedback'),
('app-provision', 'contact'),
('app-provision', 'connection-details'),
('app-provision', 'sync-configuration'),
('product-improvement', 'feedback'),
('product-improvement', 'in-app-analytics'),
('anonymised-research', 'in-app-analytics'),
('anonymised-research', 'feedback'),
('drip-emails', 'welcome-email'),
('drip-emails', 'contact'),
('web-analytics', 'website-visitor'),
('direct-marketing', 'contact'),
('explicit-consent-marketing', 'contact'),
('in-app-analytics', 'in-app-analytics'),
('sale-or-sharing', 'website-visitor');
