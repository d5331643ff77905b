-- The blind-index key version that email_idx, username_idx and account_id_idx were computed under. Rows before
-- key rotation existed were all indexed under version 1.
ALTER TABLE identity_subject ADD COLUMN index_version INTEGER DEFAULT 1 NOT NULL;
CREATE INDEX identity_subject_index_version ON identity_subject (index_version, id);
