-- Retention sweeps find due records by category and age (policy FIXED) and delete them in chunks.
CREATE INDEX identity_personal_record_due ON identity_personal_record (category, obtained_at);
