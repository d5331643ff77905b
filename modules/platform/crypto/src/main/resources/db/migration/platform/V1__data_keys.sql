-- Data-encryption keys, stored wrapped by the master key. A destroyed key keeps its row (for the erasure
-- certificate) but loses its wrapped bytes.
CREATE TABLE platform_data_key (
    id           VARCHAR(36) PRIMARY KEY,
    kek_id       VARCHAR(32),
    wrapped      BYTEA,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    destroyed_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE platform_secret (
    name       VARCHAR(64) PRIMARY KEY,
    kek_id     VARCHAR(32) NOT NULL,
    wrapped    BYTEA NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
