package org.steward.retention.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A legal hold on a tenant or a subject: automatic deletion is suspended until it ends or is released. It blocks the
 * subject's own erasure request only when it says so, with a recorded reason ({@code blockReason}).
 */
@Entity
@Table(name = "retention_legal_hold")
public class LegalHold {

    public enum Scope { TENANT, SUBJECT }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope", nullable = false)
    private Scope scope;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "reason", nullable = false)
    private String reason;

    @Column(name = "owner", nullable = false)
    private String owner;

    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;

    @Column(name = "blocks_requests", nullable = false)
    private boolean blocksRequests;

    @Column(name = "block_reason")
    private String blockReason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "released_at")
    private OffsetDateTime releasedAt;

    protected LegalHold() {
    }

    @SuppressWarnings("java:S107")
    public LegalHold(String id, Scope scope, String tenantId, String subjectId, String reason, String owner,
                     OffsetDateTime endsAt, boolean blocksRequests, String blockReason, OffsetDateTime now) {
        this.id = id;
        this.scope = scope;
        this.tenantId = tenantId;
        this.subjectId = subjectId;
        this.reason = reason;
        this.owner = owner;
        this.endsAt = endsAt;
        this.blocksRequests = blocksRequests;
        this.blockReason = blockReason;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public Scope scope() {
        return scope;
    }

    public String tenantId() {
        return tenantId;
    }

    public String subjectId() {
        return subjectId;
    }

    public String reason() {
        return reason;
    }

    public String owner() {
        return owner;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public boolean blocksRequests() {
        return blocksRequests;
    }

    public String blockReason() {
        return blockReason;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime releasedAt() {
        return releasedAt;
    }

    public boolean activeAt(OffsetDateTime now) {
        return releasedAt == null && endsAt.isAfter(now);
    }

    public void release(OffsetDateTime now) {
        this.releasedAt = now;
    }
}
