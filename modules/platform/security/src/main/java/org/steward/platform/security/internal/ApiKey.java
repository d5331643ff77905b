package org.steward.platform.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Set;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.Role;

/** A machine client's key. Only the hash of its secret is stored; the key itself is shown once, at creation. */
@Entity
@Table(name = "platform_api_key")
public class ApiKey {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "roles", nullable = false)
    private String roles;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ApiKey() {
    }

    public ApiKey(String id, String name, String secretHash, Set<Role> roles, String tenantId,
                  OffsetDateTime expiresAt, String createdBy, OffsetDateTime now) {
        this.id = id;
        this.name = name;
        this.secretHash = secretHash;
        this.roles = RoleSet.format(roles);
        this.tenantId = tenantId;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String secretHash() {
        return secretHash;
    }

    public Set<Role> roles() {
        return RoleSet.parse(roles);
    }

    public String tenantId() {
        return tenantId;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public boolean usableAt(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void revoke(OffsetDateTime now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public Caller caller() {
        return new Caller(id, Caller.Kind.API_KEY, roles(), tenantId);
    }
}
