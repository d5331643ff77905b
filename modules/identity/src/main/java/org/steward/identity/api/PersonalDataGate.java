package org.steward.identity.api;

import org.steward.platform.kernel.api.TenantId;

/**
 * Whether a tenant may be given personal data now: every module that stores personal data for a tenant's subjects
 * asks this first, inside the transaction that stores it. Refused (422, {@code ProblemException}) when the licence has
 * ended (policy §10; field {@code licence.state}) or when the tenant's apps are hosted on Data Center (policy §4b;
 * field {@code hostingMode}, under the operator's switch). An unknown tenant is 404.
 *
 * <p>An admission holds a shared lock on the tenant's row until the caller's transaction ends. A licence ends by
 * updating that row, so it waits for every admitted write to commit, and a write that waited for the licence to end
 * is refused: whatever a tenant's erasure finds was committed before its licence ended, and nothing comes after.
 */
public interface PersonalDataGate {

    void admit(TenantId tenantId);
}
