-- CCPA's two notions apart (policy §11 "We do not sell, rent, or trade personal data — ever", §4a Google Ads and
-- LinkedIn Ads): a purpose is NONE, SHARING (cross-context behavioural advertising) or SALE. A SALE is never allowed;
-- purposes and categories can be edited and retired (a retired one keeps its history).
ALTER TABLE consent_purpose ADD COLUMN ccpa VARCHAR(16) DEFAULT 'NONE' NOT NULL;
ALTER TABLE consent_purpose ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consent_purpose ADD COLUMN retirement_reason VARCHAR(500);
ALTER TABLE consent_purpose ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consent_data_category ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consent_data_category ADD COLUMN retirement_reason VARCHAR(500);
ALTER TABLE consent_data_category ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;

-- "Sale or sharing" could mean a sale: every such purpose becomes a SALE, which no decision allows, and is retired.
UPDATE consent_purpose SET ccpa = 'SALE', retired_at = CURRENT_TIMESTAMP,
    retirement_reason = 'Policy 11: personal data is never sold; sharing for cross-context behavioural advertising is the purpose cross-context-advertising'
    WHERE sale_or_sharing = TRUE;
ALTER TABLE consent_purpose DROP COLUMN sale_or_sharing;

-- Sharing for cross-context behavioural advertising (policy 4a: Google Ads, LinkedIn Ads): consent under GDPR, and
-- the CCPA right to opt out of sharing (do not share, Global Privacy Control) everywhere.
INSERT INTO consent_purpose (purpose_key, name, description, legal_basis, ccpa, opt_out_allowed, email, created_at)
SELECT 'cross-context-advertising', 'Sharing for cross-context behavioural advertising',
       'Sharing website visitor data with advertising networks (Google Ads, LinkedIn Ads) for cross-context behavioural advertising (policy 4a); needs consent under GDPR; the subject may opt out of sharing (CCPA do not share, Global Privacy Control)',
       'CONSENT', 'SHARING', TRUE, FALSE, CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM consent_purpose WHERE purpose_key = 'cross-context-advertising');
INSERT INTO consent_purpose_category (purpose_key, category_key)
SELECT 'cross-context-advertising', 'website-visitor'
WHERE NOT EXISTS (SELECT 1 FROM consent_purpose_category
                  WHERE purpose_key = 'cross-context-advertising' AND category_key = 'website-visitor');

-- Whoever opted out of "sale or sharing" (by hand or by GPC) opted out of sharing too. The state keeps the source and
-- time, and points at the opt-out event that proves it (an event of sale-or-sharing: the history is not rewritten).
INSERT INTO consent_state (holder_ref, purpose_key, tenant_id, status, last_action, notice_version, notice_language,
                           source, changed_at, expires_at, event_id, version)
SELECT s.holder_ref, 'cross-context-advertising', s.tenant_id, 'OPTED_OUT', 'OPT_OUT', NULL, NULL, s.source,
       s.changed_at, NULL, s.event_id, 0
FROM consent_state s
WHERE s.purpose_key = 'sale-or-sharing' AND s.status = 'OPTED_OUT'
  AND NOT EXISTS (SELECT 1 FROM consent_state t
                  WHERE t.holder_ref = s.holder_ref AND t.purpose_key = 'cross-context-advertising');
