package org.steward.identity.internal.control;

import java.util.Optional;
import org.steward.identity.api.TenantProfiles;
import org.steward.platform.kernel.api.TenantId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.steward.identity.api.LicenceStatus;
import org.steward.identity.internal.entity.Tenant;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.security.api.TenantDirectory;

/** Tells the platform which tenant ids exist (when it binds a user or an API key to one), and modules what a tenant is. */
@ApplicationScoped
public class TenantLookup implements TenantDirectory, TenantProfiles {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Override
    public boolean exists(String tenantId) {
        return Ids.parseOrNull(tenantId) != null && em.find(Tenant.class, tenantId) != null;
    }

    @Override
    public Optional<TenantProfile> profile(TenantId tenantId) {
        Tenant t = em.find(Tenant.class, tenantId.asString());
        return Optional.ofNullable(t).map(x -> new TenantProfile(x.id(), x.hostingMode(), x.siteUrl(),
                x.licenceStatus()));
    }

    @Override
    public boolean licensed(String tenantId) {
        Tenant t = Ids.parseOrNull(tenantId) == null ? null : em.find(Tenant.class, tenantId);
        return t != null && t.licenceStatus() == LicenceStatus.ACTIVE;
    }
}
