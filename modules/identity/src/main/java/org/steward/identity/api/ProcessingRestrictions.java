package org.steward.identity.api;

import org.steward.platform.kernel.api.SubjectId;

/**
 * Whether a subject's processing is restricted (GDPR Art. 18). Consent keeps the restriction and implements this;
 * identity asks it before storing a new record, because a restricted subject's data may only be stored as it is.
 * Without an implementation no subject is restricted.
 */
public interface ProcessingRestrictions {

    boolean isRestricted(SubjectId subjectId);
}
