/**
 * Consent (public API): purposes with their legal basis, versioned notices, consent and opt-out records with receipts,
 * Global Privacy Control, unsubscribe, and the processing decision that every module and client asks before it
 * processes personal data (policy §5, §6, §9, §12).
 */
package org.steward.consent.api;
