package org.steward.platform.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.security.api.Role;
import org.steward.platform.security.api.TenantDirectory;

/**
 * The rules for what a user or key may be granted. A SERVICE client is always bound to one tenant; a tenant-bound
 * caller cannot be an ADMIN, whose work spans tenants.
 */
@ApplicationScoped
public class Grants {

    @Inject
    Instance<TenantDirectory> tenants;

    public Set<Role> check(List<String> roleNames, String tenantId) {
        if (roleNames == null || roleNames.isEmpty()) {
            throw ProblemException.invalid("roles", "must name at least one role");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < roleNames.size(); i++) {
            String name = roleNames.get(i);
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ProblemException.invalid("roles[" + i + "]", "must be one of " + List.of(Role.values()));
            }
        }
        if (roles.contains(Role.SERVICE) && tenantId == null) {
            throw ProblemException.invalid("tenantId", "is required for the SERVICE role: a machine client is bound"
                    + " to one tenant");
        }
        if (tenantId != null) {
            if (roles.contains(Role.ADMIN)) {
                throw ProblemException.invalid("tenantId", "an ADMIN cannot be bound to one tenant");
            }
            boolean known = tenants.isResolvable() && tenants.get().exists(tenantId);
            if (!known) {
                throw ProblemException.invalid("tenantId", "is not a known tenant");
            }
            if (!tenants.get().licensed(tenantId)) {
                throw new ProblemException(ProblemType.BUSINESS_RULE, "The tenant's licence has ended, so its data"
                        + " is erased (policy §10): no user or API key can be bound to it",
                        List.of(new FieldError("tenantId", "the tenant's licence has ended")));
            }
        }
        return roles;
    }
}
