package org.steward.subjectrights.api;

/**
 * Requests that arrive through a help center (a Jira Service Management portal): what another module (atlassian) may
 * file. Notices about the request then come back as {@link RequestNoticed} events instead of mail.
 */
public interface HelpCenterRequests {

    /**
     * A portal request. {@code accountId} is the portal customer's Atlassian account, which Atlassian verified, or
     * null for a customer known only by email ({@code email}), who then proves the address with a mailed code.
     * {@code issueKey} is the ticket's key.
     */
    record HelpCenterFiling(RequestType type, Jurisdiction jurisdiction, String accountId, String email,
                            String issueKey) {
    }

    /** The request filed (or the open one of the same requester and type it joined). */
    record Filed(String requestId, boolean joined, RequestState state) {
    }

    /**
     * Files the request in the caller's transaction (which must exist).
     *
     * @throws org.steward.platform.kernel.api.ProblemException 400 when it names neither an account nor an email
     */
    Filed file(HelpCenterFiling filing);
}
