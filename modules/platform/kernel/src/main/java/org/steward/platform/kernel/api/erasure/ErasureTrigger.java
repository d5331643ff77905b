package org.steward.platform.kernel.api.erasure;

/** Why an erasure happens. Every trigger goes through the same erasure mechanism and ends in a certificate. */
public enum ErasureTrigger {
    /** The licence expired: the whole tenant is erased (policy §10). */
    LICENCE_EXPIRY,
    /** The licensee terminated the licence with the acknowledgement that it erases them (policy §10). */
    LICENCE_TERMINATION,
    /** The data subject (or a website visitor, for their device) asked for erasure (GDPR Art. 17, policy §9). */
    SUBJECT_REQUEST,
    /** The subject was found to be a minor (policy §8). */
    MINOR,
    /** A retention policy came due for a data category (policy §10: purpose fulfilled). */
    POLICY,
    /** Atlassian's personal data reporting answered that the subject's account is closed: its data must go. */
    ATLASSIAN_ACCOUNT_CLOSED;

    /** Automatic triggers are suspended by a legal hold; a subject's own request is not, unless a hold says why. */
    public boolean automatic() {
        return this != SUBJECT_REQUEST;
    }
}
