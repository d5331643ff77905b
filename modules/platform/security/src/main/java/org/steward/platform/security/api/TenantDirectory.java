package org.steward.platform.security.api;

/**
 * Lets the platform check a tenant id when it binds a user or key to a tenant, without depending on the identity
 * module: identity implements it.
 */
public interface TenantDirectory {

    boolean exists(String tenantId);

    /**
     * Whether the tenant's licence runs. Once it expired or was terminated the tenant is erased, users and keys bound
     * to it included, so nothing new may be bound to it.
     */
    default boolean licensed(String tenantId) {
        return exists(tenantId);
    }
}
