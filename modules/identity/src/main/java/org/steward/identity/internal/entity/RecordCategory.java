package org.steward.identity.internal.entity;

/** The data categories of policy §4b that the vendor holds about an app user. */
public enum RecordCategory {
    CONTACT, FEEDBACK, CONNECTION, SYNC_PROFILE
}
