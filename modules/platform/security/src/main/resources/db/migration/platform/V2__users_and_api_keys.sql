-- Operators of Steward (not data subjects). Passwords are PBKDF2 hashes; API key secrets are SHA-256 hashes.
CREATE TABLE platform_user (
    id            VARCHAR(36) PRIMARY KEY,
    username      VARCHAR(64) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    tenant_id     VARCHAR(36),
    enabled       BOOLEAN NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL
);
CREATE UNIQUE INDEX platform_user_username ON platform_user (username);

CREATE TABLE platform_api_key (
    id          VARCHAR(36) PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    secret_hash VARCHAR(64) NOT NULL,
    roles       VARCHAR(200) NOT NULL,
    tenant_id   VARCHAR(36),
    expires_at  TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL
);
