-- An OAuth 2.0 app reports with its own client: the refresh token (rotating) buys each access token. The kind says
-- what the encrypted credential holds; the client id is not secret and is shown.
ALTER TABLE atlassian_reporting ADD COLUMN credential_kind VARCHAR(16);
UPDATE atlassian_reporting SET credential_kind = CASE WHEN mode = 'CONNECT' THEN 'SHARED_SECRET' ELSE 'ACCESS_TOKEN' END;
ALTER TABLE atlassian_reporting ALTER COLUMN credential_kind SET NOT NULL;
ALTER TABLE atlassian_reporting ADD COLUMN client_id VARCHAR(200);
ALTER TABLE atlassian_reporting ADD COLUMN token_expires_at TIMESTAMP WITH TIME ZONE;
