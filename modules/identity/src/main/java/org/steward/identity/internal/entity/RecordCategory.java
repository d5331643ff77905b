package org.steward.identity.internal.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The data categories of policy §4b that the vendor holds about an app user, each with the key of the data category
 * it belongs to in the register (consent's data categories, which retention policies are set for).
 */
public enum RecordCategory {
    CONTACT("contact"), FEEDBACK("feedback"), CONNECTION("connection-details"), SYNC_PROFILE("sync-configuration"),
    /** Activity with regard to the onboarding drip emails (policy §4b "Welcome emails"). */
    DRIP_ACTIVITY("welcome-email");

    private final String key;

    RecordCategory(String key) {
        this.key = key;
    }

    /** The data-category key, e.g. {@code connection-details}. */
    public String key() {
        return key;
    }

    public static Optional<RecordCategory> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
