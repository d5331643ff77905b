package org.steward.platform.audit.internal;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One audit entry: who did what to which target, with what outcome, linked to the previous entry by hash. Ids only,
 * never personal data values. Immutable: nothing in Steward updates or deletes an entry, retention included.
 */
@Entity
@Table(name = "platform_audit_entry")
@Cacheable(false)
public class AuditEntry {

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor", length = 255, nullable = false)
    private String actor;

    @Column(name = "actor_kind", length = 16, nullable = false)
    private String actorKind;

    @Column(name = "actor_role", length = 32, nullable = false)
    private String role;

    @Column(name = "action", length = 100, nullable = false)
    private String action;

    @Column(name = "target_type", length = 50)
    private String targetType;

    @Column(name = "target_id", length = 255)
    private String targetId;

    @Column(name = "outcome", length = 16, nullable = false)
    private String outcome;

    @Column(name = "correlation_id", length = 64)
    private String correlationId;

    @Column(name = "prev_hash", length = 64, nullable = false)
    private String prevHash;

    @Column(name = "entry_hash", length = 64, nullable = false)
    private String hash;

    @Column(name = "sealed_at")
    private OffsetDateTime sealedAt;

    protected AuditEntry() {
    }

    AuditEntry(AuditChain.Linked linked, OffsetDateTime sealedAt) {
        this.sealedAt = sealedAt;
        AuditChain.Content c = linked.content();
        this.seq = c.seq();
        this.occurredAt = c.at();
        this.actor = c.actor();
        this.actorKind = c.actorKind();
        this.role = c.role();
        this.action = c.action();
        this.targetType = c.targetType();
        this.targetId = c.targetId();
        this.outcome = c.outcome();
        this.correlationId = c.correlationId();
        this.prevHash = linked.prevHash();
        this.hash = linked.hash();
    }

    /** The entry as the chain sees it, exactly as stored. */
    public AuditChain.Linked linked() {
        return new AuditChain.Linked(new AuditChain.Content(seq, occurredAt, actor, actorKind, role, action,
                targetType, targetId, outcome, correlationId), prevHash, hash);
    }

    public long seq() {
        return seq;
    }
}
