package org.steward.platform.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Set;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.Role;

/** A person who operates Steward (not a data subject). */
@Entity
@Table(name = "platform_user")
public class User {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "username", nullable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "roles", nullable = false)
    private String roles;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected User() {
    }

    public User(String username, String passwordHash, Set<Role> roles, String tenantId, OffsetDateTime now) {
        this.id = Ids.newId().toString();
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = RoleSet.format(roles);
        this.tenantId = tenantId;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return RoleSet.parse(roles);
    }

    public String tenantId() {
        return tenantId;
    }

    public boolean enabled() {
        return enabled;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public void change(Set<Role> newRoles, String newTenantId, Boolean newEnabled, String newPasswordHash,
                       OffsetDateTime now) {
        if (newRoles != null) {
            this.roles = RoleSet.format(newRoles);
            this.tenantId = newTenantId;
        }
        if (newEnabled != null) {
            this.enabled = newEnabled;
        }
        if (newPasswordHash != null) {
            this.passwordHash = newPasswordHash;
        }
        this.updatedAt = now;
    }

    public Caller caller() {
        return new Caller(id, Caller.Kind.USER, roles(), tenantId);
    }
}
