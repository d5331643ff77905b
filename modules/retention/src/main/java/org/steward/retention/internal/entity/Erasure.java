package org.steward.retention.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.erasure.ErasureScope;
import org.steward.platform.kernel.api.erasure.ErasureTrigger;
import org.steward.retention.internal.control.ErasureProcessor;
import org.steward.retention.internal.control.ErasureQueue;

/**
 * One queued or completed erasure (the outbox row). Its state changes only through conditional bulk updates in
 * {@code ErasureQueue} and {@code ErasureProcessor}, so that several instances never both act on it.
 */
@Entity
@Table(name = "retention_erasure")
public class Erasure {

    public enum Status { PENDING, DONE }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope", nullable = false)
    private ErasureScope scope;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "category_key")
    private String categoryKey;

    @Column(name = "device_id")
    private String deviceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    private ErasureTrigger trigger;

    @Column(name = "reason", nullable = false)
    private String reason;

    @Column(name = "reference")
    private String reference;

    @Column(name = "parent_id")
    private String parentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(name = "held_by")
    private String heldBy;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "expanded_after")
    private String expandedAfter;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @Column(name = "completed_by")
    private String completedBy;

    @Column(name = "duration_micros")
    private Long durationMicros;

    @Column(name = "records_erased")
    private Long recordsErased;

    /**
     * What the erasure deleted, per module (the typed report as JSON, {@code StoredReports}); a CATEGORY erasure's
     * chunks add to it. Rows written before V3 hold {@code module/category=count;...}, which is still read.
     */
    @Column(name = "report")
    private String report;

    protected Erasure() {
    }

    @SuppressWarnings("java:S107")
    public Erasure(String id, ErasureScope scope, String tenantId, String subjectId, String categoryKey,
                   ErasureTrigger trigger, String reason, String reference, String parentId, OffsetDateTime dueAt,
                   OffsetDateTime now) {
        this.id = id;
        this.scope = scope;
        this.tenantId = tenantId;
        this.subjectId = subjectId;
        this.categoryKey = categoryKey;
        this.trigger = trigger;
        this.reason = reason;
        this.reference = reference;
        this.parentId = parentId;
        this.status = Status.PENDING;
        this.dueAt = dueAt;
        this.createdAt = now;
    }

    /** A website visitor's device, erased at the visitor's request: no tenant, no subject. */
    public static Erasure ofDevice(String id, String deviceId, ErasureTrigger trigger, String reason, String reference,
                                   OffsetDateTime now) {
        Erasure e = new Erasure(id, ErasureScope.DEVICE, null, null, null, trigger, reason, reference, null, now, now);
        e.deviceId = deviceId;
        return e;
    }

    public String id() {
        return id;
    }

    public ErasureScope scope() {
        return scope;
    }

    public String tenantId() {
        return tenantId;
    }

    public String subjectId() {
        return subjectId;
    }

    public String categoryKey() {
        return categoryKey;
    }

    public String deviceId() {
        return deviceId;
    }

    public ErasureTrigger trigger() {
        return trigger;
    }

    public String reason() {
        return reason;
    }

    public String reference() {
        return reference;
    }

    public String parentId() {
        return parentId;
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime dueAt() {
        return dueAt;
    }

    public String heldBy() {
        return heldBy;
    }

    public String expandedAfter() {
        return expandedAfter;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }

    public String completedBy() {
        return completedBy;
    }

    public Long durationMicros() {
        return durationMicros;
    }

    public Long recordsErased() {
        return recordsErased;
    }

    public String report() {
        return report;
    }

    public void report(String report, long records) {
        this.report = report;
        this.recordsErased = records;
    }

    public void lease(String owner, OffsetDateTime until) {
        this.leaseOwner = owner;
        this.leaseUntil = until;
    }

    /** A completed CATEGORY erasure is written DONE at once, in the sweep's transaction. */
    public void completed(OffsetDateTime at, String by, long micros, long records) {
        this.status = Status.DONE;
        this.completedAt = at;
        this.completedBy = by;
        this.durationMicros = micros;
        this.recordsErased = records;
    }
}
