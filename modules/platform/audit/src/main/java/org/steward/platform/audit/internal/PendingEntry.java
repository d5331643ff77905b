package org.steward.platform.audit.internal;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An accepted audit entry that the sequencer has not sealed yet: everything an entry says except its place in the
 * chain (seq and hashes), which only the sequencer assigns.
 */
@Entity
@Table(name = "platform_audit_pending")
@Cacheable(false)
public class PendingEntry {

    @Id
    @Column(name = "id", length = 36)
    private String id;

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

    protected PendingEntry() {
    }

    PendingEntry(String id, OffsetDateTime occurredAt, String actor, String actorKind, String role, String action,
                 String targetType, String targetId, String outcome, String correlationId) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.actorKind = actorKind;
        this.role = role;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.outcome = outcome;
        this.correlationId = correlationId;
    }

    String id() {
        return id;
    }

    /** The entry's content once the sequencer has given it its place. */
    AuditChain.Content at(long seq) {
        return new AuditChain.Content(seq, occurredAt, actor, actorKind, role, action, targetType, targetId, outcome,
                correlationId);
    }
}
