package org.steward.platform.security.api;

import java.util.Set;

/**
 * Who is calling: a user, an API key or a token holder. {@code id} is what the audit log records (a user id, an API
 * key id, or the token's issuer and subject), never a name or an email. {@code tenantId} is set for callers bound to
 * one tenant (every SERVICE key), who may then touch that tenant's data only.
 */
public record Caller(String id, Kind kind, Set<Role> roles, String tenantId) {

    public enum Kind { ANONYMOUS, USER, API_KEY, TOKEN, SYSTEM }

    public static final Caller ANONYMOUS = new Caller("anonymous", Kind.ANONYMOUS, Set.of(), null);
    public static final Caller SYSTEM = new Caller("system", Kind.SYSTEM, Set.of(), null);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The role recorded in the audit log: the most privileged one the caller holds. */
    public String primaryRole() {
        for (Role r : Role.values()) {
            if (roles.contains(r)) {
                return r.name();
            }
        }
        return kind == Kind.SYSTEM ? "SYSTEM" : "NONE";
    }
}
