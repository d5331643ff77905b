package org.steward.identity.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.steward.identity.api.HostingMode;
import org.steward.identity.api.LicenceStatus;
import org.steward.platform.kernel.api.TenantId;

@Entity
@Table(name = "identity_tenant")
public class Tenant {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "site_url", nullable = false)
    private String siteUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "hosting_mode", nullable = false)
    private HostingMode hostingMode;

    @Column(name = "licence_key", nullable = false)
    private String licenceKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "licence_status", nullable = false)
    private LicenceStatus licenceStatus;

    @Column(name = "licence_expires_on", nullable = false)
    private LocalDate licenceExpiresOn;

    @Column(name = "termination_reason", length = 500)
    private String terminationReason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Tenant() {
    }

    public Tenant(TenantId id, String name, String siteUrl, HostingMode hostingMode, String licenceKey,
                  LocalDate licenceExpiresOn, OffsetDateTime now) {
        this.id = id.asString();
        this.name = name;
        this.siteUrl = siteUrl;
        this.hostingMode = hostingMode;
        this.licenceKey = licenceKey;
        this.licenceStatus = LicenceStatus.ACTIVE;
        this.licenceExpiresOn = licenceExpiresOn;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    public TenantId id() {
        return TenantId.of(id);
    }

    public String rawId() {
        return id;
    }

    public String name() {
        return name;
    }

    public String siteUrl() {
        return siteUrl;
    }

    public HostingMode hostingMode() {
        return hostingMode;
    }

    public String licenceKey() {
        return licenceKey;
    }

    public LicenceStatus licenceStatus() {
        return licenceStatus;
    }

    public LocalDate licenceExpiresOn() {
        return licenceExpiresOn;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public void rename(String newName, String newSiteUrl, OffsetDateTime now) {
        this.name = newName;
        this.siteUrl = newSiteUrl;
        this.updatedAt = now;
    }

    public void renew(String key, LocalDate expiresOn, OffsetDateTime now) {
        this.licenceKey = key;
        this.licenceExpiresOn = expiresOn;
        this.licenceStatus = LicenceStatus.ACTIVE;
        this.updatedAt = now;
    }

    public String terminationReason() {
        return terminationReason;
    }

    public void terminate(String reason, OffsetDateTime now) {
        this.licenceStatus = LicenceStatus.TERMINATED;
        this.terminationReason = reason;
        this.updatedAt = now;
    }
}
