-- Console sessions of Steward's own users. The browser holds a random token in an HttpOnly cookie and a second one,
-- the CSRF token, in the page; only the SHA-256 of each is stored, so a copy of this table opens no session.
CREATE TABLE platform_console_session (
    token_hash   VARCHAR(64) PRIMARY KEY,
    csrf_hash    VARCHAR(64) NOT NULL,
    user_id      VARCHAR(36) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX platform_console_session_user ON platform_console_session (user_id);
