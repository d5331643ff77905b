package org.steward.consent.api;

import java.util.Optional;

/**
 * What other modules add to the Art. 30 record of processing activities, per purpose: the sharing module the
 * recipients (subprocessors, disclosures), the retention module the retention periods. The consent module finds
 * implementations as CDI beans; a column that no contributor fills reads "not yet recorded".
 */
public interface RopaContributor {

    /** Recipients or categories of recipients of the purpose's data (Art. 30(1)(d)), if this module knows them. */
    default Optional<String> recipients(String purposeKey) {
        return Optional.empty();
    }

    /** Envisaged time limits for erasure (Art. 30(1)(f)), if this module knows them. */
    default Optional<String> retention(String purposeKey) {
        return Optional.empty();
    }

    /**
     * Retention for a purpose whose data falls into these categories (keys). Retention is set per data category, so
     * a contributor that knows periods per category answers here; the default falls back to the purpose alone.
     */
    default Optional<String> retention(String purposeKey, java.util.List<String> categoryKeys) {
        return retention(purposeKey);
    }

    /** Transfers to third countries and their safeguards (Art. 30(1)(e)), if this module knows them. */
    default Optional<String> transfers(String purposeKey) {
        return Optional.empty();
    }
}
