package org.steward.consent.api;

import java.util.List;
import java.util.Set;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * The subject's choices, made at a data-subject request (subject-rights), in the caller's transaction, with the
 * source {@link ConsentSource#ADMIN} and the request as reference; each choice gets its receipt as any other.
 */
public interface ConsentChoices {

    /**
     * Withdraws consent (GDPR Art. 7(3)): WITHDRAW for the named consent-based purposes, OPT_OUT for the named
     * purposes that allow the opt-out; with no purpose named, every purpose the subject's current state is GRANTED
     * or OPTED_IN for. Returns the keys of the purposes whose state changed (a purpose already withdrawn is left
     * as it is).
     *
     * @throws org.steward.platform.kernel.api.ProblemException 422 naming {@code purposes} for an unknown purpose or
     *         one that takes no withdrawal (a contract purpose)
     */
    List<String> withdraw(TenantId tenantId, SubjectId subjectId, Set<String> purposeKeys, String requestRef);

    /**
     * Objects (GDPR Art. 21) to the named legitimate-interest purposes, or to all of them when none is named:
     * OBJECT for each, direct marketing included unconditionally (Art. 21(3)). Returns the keys whose state changed.
     *
     * @throws org.steward.platform.kernel.api.ProblemException 422 naming {@code purposes} for an unknown purpose or
     *         one whose legal basis is not legitimate interest
     */
    List<String> object(TenantId tenantId, SubjectId subjectId, Set<String> purposeKeys, String requestRef);
}
