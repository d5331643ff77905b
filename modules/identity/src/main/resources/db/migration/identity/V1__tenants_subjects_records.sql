-- Tenants are licensees (companies): their name and site URL are not personal data and stay in clear.
CREATE TABLE identity_tenant (
    id                 VARCHAR(36) PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    site_url           VARCHAR(2048) NOT NULL,
    hosting_mode       VARCHAR(16) NOT NULL,
    licence_key        VARCHAR(64) NOT NULL,
    licence_status     VARCHAR(16) NOT NULL,
    licence_expires_on DATE NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT NOT NULL
);
CREATE UNIQUE INDEX identity_tenant_licence_key ON identity_tenant (licence_key);
CREATE INDEX identity_tenant_due ON identity_tenant (licence_status, licence_expires_on);

CREATE TABLE identity_licence_change (
    id          VARCHAR(36) PRIMARY KEY,
    tenant_id   VARCHAR(36) NOT NULL REFERENCES identity_tenant (id),
    from_status VARCHAR(16),
    to_status   VARCHAR(16) NOT NULL,
    expires_on  DATE NOT NULL,
    reason      VARCHAR(64) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_licence_change_tenant ON identity_licence_change (tenant_id, id);

-- Every identifier is stored twice: a keyed blind index (searchable, irreversible) and a ciphertext under the
-- subject's own data key (readable until that key is destroyed).
CREATE TABLE identity_subject (
    id               VARCHAR(36) PRIMARY KEY,
    tenant_id        VARCHAR(36) NOT NULL REFERENCES identity_tenant (id),
    data_key_id      VARCHAR(36) NOT NULL,
    email_idx        VARCHAR(64),
    username_idx     VARCHAR(64),
    account_id_idx   VARCHAR(64),
    email_enc        BYTEA,
    username_enc     BYTEA,
    account_id_enc   BYTEA,
    display_name_enc BYTEA,
    minor            BOOLEAN NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT NOT NULL
);
CREATE UNIQUE INDEX identity_subject_email ON identity_subject (tenant_id, email_idx);
CREATE UNIQUE INDEX identity_subject_username ON identity_subject (tenant_id, username_idx);
CREATE UNIQUE INDEX identity_subject_account_id ON identity_subject (tenant_id, account_id_idx);
CREATE INDEX identity_subject_tenant ON identity_subject (tenant_id, id);

-- The personal data records of policy §4b. The payload is the record's JSON, encrypted under the subject's key.
CREATE TABLE identity_personal_record (
    id          VARCHAR(36) PRIMARY KEY,
    tenant_id   VARCHAR(36) NOT NULL REFERENCES identity_tenant (id),
    subject_id  VARCHAR(36) NOT NULL REFERENCES identity_subject (id),
    category    VARCHAR(32) NOT NULL,
    payload     BYTEA NOT NULL,
    obtained_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_personal_record_subject ON identity_personal_record (subject_id, category, id);
