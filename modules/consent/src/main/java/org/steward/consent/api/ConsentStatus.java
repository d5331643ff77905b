package org.steward.consent.api;

/** The state a subject × purpose is in after its latest action. No record at all is {@code NONE}. */
public enum ConsentStatus {
    NONE, GRANTED, WITHDRAWN, OPTED_OUT, OPTED_IN, OBJECTED
}
