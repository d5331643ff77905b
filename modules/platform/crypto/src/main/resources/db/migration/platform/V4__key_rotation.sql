-- Key rotation. A master-key rotation re-wraps rows by kek_id: the index finds those still under an old key.
CREATE INDEX platform_data_key_kek ON platform_data_key (kek_id, id);

-- Versions of the blind-index key. The newest unretired version indexes writes; every unretired one is searched.
-- Version 1 is the original "blind-index" secret (created at first start, after this migration).
CREATE TABLE platform_blind_index_key (
    version     INTEGER PRIMARY KEY,
    secret_name VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at  TIMESTAMP WITH TIME ZONE
);
INSERT INTO platform_blind_index_key (version, secret_name, created_at) VALUES (1, 'blind-index', CURRENT_TIMESTAMP);
