package org.steward.identity.internal.boundary;

import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.Role;

/**
 * Data minimisation for auditors (GDPR Art. 5(1)(c)): an auditor checks that processing happens as declared, which
 * ids, categories, times and counts show; it never needs a person's values. A caller whose only reading role is
 * AUDITOR gets views with every personal value left out, and nothing is decrypted for them.
 */
final class AuditorView {

    private AuditorView() {
    }

    static boolean sealed(Caller caller) {
        return caller.has(Role.AUDITOR) && !caller.has(Role.PRIVACY_OFFICER) && !caller.has(Role.SUPPORT_AGENT)
                && !caller.has(Role.SERVICE) && !caller.has(Role.ADMIN);
    }
}
