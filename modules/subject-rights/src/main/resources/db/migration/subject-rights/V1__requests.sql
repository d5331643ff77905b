-- Data-subject requests. A request is also the CCPA §7101 request log: kept 24 months after it closes. Everything a
-- person gave (identifier, contact address, details, the agent, the denial text) is a ciphertext under the request's
-- own data key, so erasing the subject destroys that key and leaves only dates, type, channel, outcome and a
-- pseudonymous reference.
CREATE TABLE subject_rights_request (
    id                   VARCHAR(36) PRIMARY KEY,
    request_type         VARCHAR(32) NOT NULL,
    jurisdiction         VARCHAR(16) NOT NULL,
    state                VARCHAR(16) NOT NULL,
    outcome              VARCHAR(32),
    channel              VARCHAR(32) NOT NULL,
    channel_ref          VARCHAR(100),
    filed_by_kind        VARCHAR(16) NOT NULL,
    filed_by             VARCHAR(200),
    identifier_kind      VARCHAR(16) NOT NULL,
    identifier_idx       VARCHAR(64),
    tenant_id            VARCHAR(36),
    data_key_id          VARCHAR(36),
    identifier_enc       BYTEA,
    contact_enc          BYTEA,
    details_enc          BYTEA,
    agent_enc            BYTEA,
    identity_check_enc   BYTEA,
    verification         VARCHAR(16),
    code_hash            VARCHAR(64),
    code_expires_at      TIMESTAMP WITH TIME ZONE,
    code_attempts        INTEGER NOT NULL,
    codes_sent           INTEGER NOT NULL,
    status_token_hash    VARCHAR(64),
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledge_by       DATE,
    acknowledged_at      TIMESTAMP WITH TIME ZONE,
    due_on               DATE NOT NULL,
    original_due_on      DATE NOT NULL,
    max_due_on           DATE NOT NULL,
    extended_at          TIMESTAMP WITH TIME ZONE,
    extension_reason_enc BYTEA,
    verified_at          TIMESTAMP WITH TIME ZONE,
    approved_at          TIMESTAMP WITH TIME ZONE,
    approved_by          VARCHAR(200),
    closed_at            TIMESTAMP WITH TIME ZONE,
    denial_basis         VARCHAR(48),
    denial_text_enc      BYTEA,
    pseudonym            VARCHAR(64) NOT NULL,
    erase_on_close       BOOLEAN NOT NULL,
    reminded             VARCHAR(200),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT NOT NULL
);
CREATE INDEX subject_rights_request_open ON subject_rights_request (state, due_on);
CREATE INDEX subject_rights_request_identifier ON subject_rights_request (identifier_idx, request_type, state);
CREATE INDEX subject_rights_request_received ON subject_rights_request (received_at);
CREATE INDEX subject_rights_request_closed ON subject_rights_request (closed_at);

-- The subjects a request is about, resolved when its identity is verified (an email may name a subject in several
-- tenants). After the subject's erasure subject_id holds a pseudonym, never the id.
CREATE TABLE subject_rights_request_subject (
    request_id VARCHAR(36) NOT NULL,
    tenant_id  VARCHAR(36) NOT NULL,
    subject_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (request_id, tenant_id, subject_id)
);
CREATE INDEX subject_rights_request_subject_by ON subject_rights_request_subject (subject_id);

-- One task per module (and holder) of an approved request: the fulfilment outbox, claimed with a lease and retried
-- with a backoff until done.
CREATE TABLE subject_rights_task (
    id              VARCHAR(36) PRIMARY KEY,
    request_id      VARCHAR(36) NOT NULL,
    module          VARCHAR(64) NOT NULL,
    action          VARCHAR(32) NOT NULL,
    holder          VARCHAR(120) NOT NULL,
    state           VARCHAR(16) NOT NULL,
    attempts        INTEGER NOT NULL,
    last_error      VARCHAR(500),
    result_ref      VARCHAR(100),
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner     VARCHAR(36),
    lease_until     TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX subject_rights_task_request ON subject_rights_task (request_id);
CREATE INDEX subject_rights_task_due ON subject_rights_task (state, next_attempt_at);

-- The request's timeline: every state change, mail, extension and reminder, with no personal data.
CREATE TABLE subject_rights_request_event (
    id         VARCHAR(36) PRIMARY KEY,
    request_id VARCHAR(36) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    kind       VARCHAR(32) NOT NULL,
    state      VARCHAR(16) NOT NULL,
    actor      VARCHAR(200) NOT NULL,
    detail     VARCHAR(500)
);
CREATE INDEX subject_rights_request_event_request ON subject_rights_request_event (request_id, occurred_at);

-- Mail to the requester, queued in the transaction of its cause and sent after the commit (retried by a job). The
-- content that must survive a retry (a verification code) is encrypted under the request's key and dropped once sent.
CREATE TABLE subject_rights_mail (
    id              VARCHAR(36) PRIMARY KEY,
    request_id      VARCHAR(36) NOT NULL,
    kind            VARCHAR(32) NOT NULL,
    state           VARCHAR(16) NOT NULL,
    payload_enc     BYTEA,
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner     VARCHAR(36),
    lease_until     TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX subject_rights_mail_due ON subject_rights_mail (state, next_attempt_at);
