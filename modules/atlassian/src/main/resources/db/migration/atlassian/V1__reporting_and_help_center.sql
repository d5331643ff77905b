-- Atlassian's personal data reporting, per CLOUD tenant: how to reach the API (the credential encrypted under the
-- row's own data key), and where the current cycle stands, so that a restart resumes it.
CREATE TABLE atlassian_reporting (
    tenant_id             VARCHAR(36) PRIMARY KEY,
    mode                  VARCHAR(16) NOT NULL,
    base_url              VARCHAR(2000) NOT NULL,
    app_key               VARCHAR(200),
    data_key_id           VARCHAR(36) NOT NULL,
    credential_enc        BYTEA NOT NULL,
    on_updated            VARCHAR(24) NOT NULL,
    enabled               BOOLEAN NOT NULL,
    cycle_seconds         BIGINT NOT NULL,
    cycle_started_at      TIMESTAMP WITH TIME ZONE,
    cursor_subject        VARCHAR(36),
    last_cycle_started_at TIMESTAMP WITH TIME ZONE,
    last_cycle_ended_at   TIMESTAMP WITH TIME ZONE,
    next_cycle_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    backoff_until         TIMESTAMP WITH TIME ZONE,
    failures              INTEGER NOT NULL,
    last_error            VARCHAR(500),
    last_error_at         TIMESTAMP WITH TIME ZONE,
    last_batch_at         TIMESTAMP WITH TIME ZONE,
    batches_sent          BIGINT NOT NULL,
    accounts_reported     BIGINT NOT NULL,
    accounts_closed       BIGINT NOT NULL,
    accounts_updated      BIGINT NOT NULL,
    lease_owner           VARCHAR(36),
    lease_until           TIMESTAMP WITH TIME ZONE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT NOT NULL
);

-- When each subject's accountId was last reported (and answered): never again within a cycle. By subject id only,
-- so that no accountId is stored twice.
CREATE TABLE atlassian_reported_account (
    subject_id  VARCHAR(36) PRIMARY KEY,
    tenant_id   VARCHAR(36) NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    answer      VARCHAR(16) NOT NULL
);
CREATE INDEX atlassian_reported_account_tenant ON atlassian_reported_account (tenant_id);

-- A Jira Service Management service desk whose portal requests are data-subject requests. The API credential and
-- the webhook secret are encrypted under the row's data key; the request-type map is configuration, not personal data.
CREATE TABLE atlassian_service_desk (
    id              VARCHAR(36) PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    site_url        VARCHAR(2000) NOT NULL,
    service_desk_id VARCHAR(32) NOT NULL,
    auth            VARCHAR(16) NOT NULL,
    data_key_id     VARCHAR(36) NOT NULL,
    credential_enc  BYTEA NOT NULL,
    webhook_enc     BYTEA NOT NULL,
    request_types   VARCHAR(4000) NOT NULL,
    jurisdiction    VARCHAR(16) NOT NULL,
    transition      VARCHAR(200) NOT NULL,
    poll            BOOLEAN NOT NULL,
    poll_cursor     BIGINT,
    next_poll_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_poll_at    TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    last_error_at   TIMESTAMP WITH TIME ZONE,
    lease_owner     VARCHAR(36),
    lease_until     TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);

-- A portal request seen (by webhook or poll: the unique key files it once) and the subject request it became.
CREATE TABLE atlassian_ticket (
    id              VARCHAR(36) PRIMARY KEY,
    desk_id         VARCHAR(36) NOT NULL REFERENCES atlassian_service_desk (id),
    issue_key       VARCHAR(100) NOT NULL,
    state           VARCHAR(16) NOT NULL,
    source          VARCHAR(16) NOT NULL,
    request_id      VARCHAR(36),
    request_type_id VARCHAR(32),
    note            VARCHAR(500),
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);
CREATE UNIQUE INDEX atlassian_ticket_issue ON atlassian_ticket (desk_id, issue_key);
CREATE INDEX atlassian_ticket_due ON atlassian_ticket (state, next_attempt_at);
CREATE INDEX atlassian_ticket_request ON atlassian_ticket (request_id);

-- The comment outbox: each notice of a subject request, posted to its ticket (and the ticket transitioned when the
-- request ends), retried while JSM is down. The text is encrypted (an export link is a secret) and dropped once posted.
CREATE TABLE atlassian_ticket_comment (
    id              VARCHAR(36) PRIMARY KEY,
    ticket_id       VARCHAR(36) NOT NULL REFERENCES atlassian_ticket (id),
    notice          VARCHAR(16) NOT NULL,
    closing         BOOLEAN NOT NULL,
    data_key_id     VARCHAR(36),
    body_enc        BYTEA,
    state           VARCHAR(16) NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    posted_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX atlassian_ticket_comment_due ON atlassian_ticket_comment (state, next_attempt_at);
CREATE INDEX atlassian_ticket_comment_ticket ON atlassian_ticket_comment (ticket_id, created_at);
