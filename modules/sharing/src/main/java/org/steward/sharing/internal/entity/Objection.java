package org.steward.sharing.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A tenant's objection to a notice's change, made within its window (one per tenant and notice). */
@Entity
@Table(name = "sharing_objection")
public class Objection {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "notice_id", nullable = false)
    private String noticeId;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "reason", nullable = false)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Objection() {
    }

    public Objection(String id, String noticeId, String tenantId, String reason, OffsetDateTime createdAt) {
        this.id = id;
        this.noticeId = noticeId;
        this.tenantId = tenantId;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String noticeId() {
        return noticeId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String reason() {
        return reason;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
