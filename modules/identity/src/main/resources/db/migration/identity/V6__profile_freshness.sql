-- When the subject's profile (its identifiers and display name) was last retrieved, and since when it is stale:
-- Atlassian's personal data reporting reports the oldest retrieval and may answer that the account was updated since.
ALTER TABLE identity_subject ADD COLUMN profile_retrieved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE identity_subject ADD COLUMN profile_stale_at TIMESTAMP WITH TIME ZONE;
UPDATE identity_subject SET profile_retrieved_at = updated_at;
-- A request from a help center names an accountId without its tenant: it is looked up in every tenant.
CREATE INDEX identity_subject_account_lookup ON identity_subject (account_id_idx);
CREATE INDEX identity_subject_stale ON identity_subject (tenant_id, profile_stale_at);
