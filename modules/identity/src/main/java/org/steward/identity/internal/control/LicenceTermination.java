package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.steward.identity.api.LicenceStatus;
import org.steward.identity.api.Licences;
import org.steward.platform.kernel.api.TenantId;

/** A licensee's erasure request taken as the termination of its licence (policy §10). */
@ApplicationScoped
public class LicenceTermination implements Licences {

    @Inject
    Tenants tenants;

    /**
     * The tenant row is locked before its status is read, as every licence change does, so that an expiry racing
     * with the request is seen and the licence is not ended twice.
     */
    @Override
    @Transactional
    public void terminateAtLicenseeRequest(TenantId tenantId, String reason) {
        if (tenants.lock(tenantId.asString()).licenceStatus() != LicenceStatus.ACTIVE) {
            return;
        }
        tenants.terminate(tenantId.asString(), true, reason);
    }
}
