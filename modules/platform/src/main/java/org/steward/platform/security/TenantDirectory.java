package org.steward.platform.security;

/**
 * Lets the platform check a tenant id when it binds a user or key to a tenant, without depending on the identity
 * module: identity implements it.
 */
public interface TenantDirectory {

    boolean exists(String tenantId);
}
