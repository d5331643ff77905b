package org.steward.identity.api;

import java.util.Optional;
import org.steward.platform.kernel.api.TenantId;

/** What other modules may read of a tenant: where it runs the apps, its site, and its licence's state. */
public interface TenantProfiles {

    record TenantProfile(TenantId tenantId, HostingMode hostingMode, String siteUrl, LicenceStatus licenceStatus) {
    }

    /** Empty for an unknown tenant (or a malformed id). */
    Optional<TenantProfile> profile(TenantId tenantId);
}
