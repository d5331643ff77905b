-- A website visitor's device can be erased at the visitor's request (scope DEVICE): its pseudonymous id, bound to no
-- tenant. Looked up when a request for the same device is pending.
ALTER TABLE retention_erasure ADD COLUMN device_id VARCHAR(128);
CREATE INDEX retention_erasure_device ON retention_erasure (device_id, status);

-- The report becomes the typed report as JSON (per module: rows deleted per category, data keys), stored for every
-- erasure, not only CATEGORY ones: wider. Rows written before hold 'module/category=count;...'; the code reads both
-- forms (converting a list of pairs in portable SQL is not worth it for a column that only pending CATEGORY rows read).
ALTER TABLE retention_erasure ALTER COLUMN report SET DATA TYPE VARCHAR(65536);
