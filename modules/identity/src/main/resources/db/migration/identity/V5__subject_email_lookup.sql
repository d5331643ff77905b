-- A data-subject request finds a requester's subjects by email in every tenant: the unique index leads with tenant_id.
CREATE INDEX identity_subject_email_lookup ON identity_subject (email_idx);
