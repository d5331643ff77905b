package org.steward.identity.api;

import org.steward.platform.kernel.api.TenantId;

/** What other modules may ask of a tenant's licence. */
public interface Licences {

    /**
     * Terminates the tenant's licence at the licensee's own erasure request (policy §10: "a request before the
     * licence expires is taken as termination"), as {@code POST …/licence/termination} with
     * {@code acknowledgeErasure: true} does: {@link LicenceTerminated} fires in the caller's transaction and retention
     * queues the tenant's erasure. A licence that already ended is left as it is.
     *
     * @throws org.steward.platform.kernel.api.ProblemException 404 for an unknown tenant
     */
    void terminateAtLicenseeRequest(TenantId tenantId, String reason);
}
