-- Public halves of the server's signing key pairs (Ed25519), for anyone to verify what the server signed (erasure
-- certificates). The private halves are platform secrets, wrapped by the master key like every other secret.
CREATE TABLE platform_signing_key (
    key_id     VARCHAR(64) PRIMARY KEY,
    algorithm  VARCHAR(16) NOT NULL,
    public_key VARCHAR(512) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
