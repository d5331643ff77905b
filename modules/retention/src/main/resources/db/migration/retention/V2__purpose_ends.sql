-- When the purposes that a subject's data was collected for ended: declared (the drip sequence sent its last email)
-- or from consent (the subject withdrew, opted out or objected). A PURPOSE_FULFILLED policy erases a category's
-- records N days after every purpose that uses the category ended for the subject (policy §10). One row per subject
-- and purpose: PENDING until the sweep erased the records, then DONE; a new end makes it PENDING again.
CREATE TABLE retention_purpose_end (
    id           VARCHAR(36) PRIMARY KEY,
    tenant_id    VARCHAR(36) NOT NULL,
    subject_id   VARCHAR(36) NOT NULL,
    purpose_key  VARCHAR(64) NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    cause        VARCHAR(32) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at    TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX retention_purpose_end_subject ON retention_purpose_end (subject_id, purpose_key);
CREATE INDEX retention_purpose_end_due ON retention_purpose_end (purpose_key, status, subject_id);
CREATE INDEX retention_purpose_end_tenant ON retention_purpose_end (tenant_id);
