-- Receipts are now signed by the platform signer (platform_signing_key, key id "receipt-v1"): the module's own copy
-- of the key pair goes, with its wrapped seed.
DROP TABLE consent_signing_key;
DELETE FROM platform_secret WHERE name = 'consent-receipt-signing-v1';
