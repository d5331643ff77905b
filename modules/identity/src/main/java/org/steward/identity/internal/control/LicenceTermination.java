package org.steward.identity.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.steward.identity.api.LicenceStatus;
import org.steward.identity.api.Licences;
import org.steward.platform.kernel.api.TenantId;

/** The licensee's own erasure request terminates its licence, as the termination endpoint does (policy §10). */
@ApplicationScoped
public class LicenceTermination implements Licences {

    @Inject
    Tenants tenants;

    @Override
    public void terminateAtLicenseeRequest(TenantId tenantId, String reason) {
        if (tenants.get(tenantId.asString()).licenceStatus() != LicenceStatus.ACTIVE) {
            return;
        }
        tenants.terminate(tenantId.asString(), true, reason);
    }
}
