package org.steward.identity.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.steward.identity.api.LicenceStatus;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.TenantId;

/** One step in a licence's history: who can tell when it was renewed, expired or terminated, and why. */
@Entity
@Table(name = "identity_licence_change")
public class LicenceChange {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private LicenceStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private LicenceStatus toStatus;

    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    @Column(name = "reason", nullable = false)
    private String reason;

    /** The reason the caller gave, in their words (a termination's {@code reason}); null when none was given. */
    @Column(name = "note", length = 500)
    private String note;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected LicenceChange() {
    }

    public LicenceChange(TenantId tenantId, LicenceStatus fromStatus, LicenceStatus toStatus, LocalDate expiresOn,
                         String reason, OffsetDateTime now) {
        this(tenantId, fromStatus, toStatus, expiresOn, reason, null, now);
    }

    public LicenceChange(TenantId tenantId, LicenceStatus fromStatus, LicenceStatus toStatus, LocalDate expiresOn,
                         String reason, String note, OffsetDateTime now) {
        this.note = note;
        this.id = Ids.newId().toString();
        this.tenantId = tenantId.asString();
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.expiresOn = expiresOn;
        this.reason = reason;
        this.changedAt = now;
    }

    public String id() {
        return id;
    }

    public LicenceStatus fromStatus() {
        return fromStatus;
    }

    public LicenceStatus toStatus() {
        return toStatus;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }

    public String reason() {
        return reason;
    }

    public String note() {
        return note;
    }

    public OffsetDateTime changedAt() {
        return changedAt;
    }
}
