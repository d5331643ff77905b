package org.steward.retention.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * When a purpose ended for a subject. PENDING until a PURPOSE_FULFILLED sweep erased the records collected for it,
 * then DONE. Ids only: the subject is identity's, the purpose consent's.
 */
@Entity
@Table(name = "retention_purpose_end")
public class PurposeEnd {

    /** Why the purpose ended: declared by the vendor's systems, or the subject's own choice recorded in consent. */
    public enum Cause { FULFILLED, DISCONTINUED, WITHDRAWN, OPTED_OUT, OBJECTED }

    public enum Status { PENDING, DONE }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "subject_id", nullable = false)
    private String subjectId;

    @Column(name = "purpose_key", nullable = false)
    private String purposeKey;

    @Column(name = "ended_at", nullable = false)
    private OffsetDateTime endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cause", nullable = false)
    private Cause cause;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "erased_at")
    private OffsetDateTime erasedAt;

    protected PurposeEnd() {
    }

    public PurposeEnd(String id, String tenantId, String subjectId, String purposeKey, OffsetDateTime endedAt,
                      Cause cause, OffsetDateTime now) {
        this.id = id;
        this.tenantId = tenantId;
        this.subjectId = subjectId;
        this.purposeKey = purposeKey;
        this.endedAt = endedAt;
        this.cause = cause;
        this.status = Status.PENDING;
        this.recordedAt = now;
    }

    /** The purpose ended (again): what was collected since the last erasure waits for this end. */
    public void endedAgain(OffsetDateTime endedAt, Cause cause, OffsetDateTime now) {
        this.endedAt = endedAt;
        this.cause = cause;
        this.status = Status.PENDING;
        this.recordedAt = now;
        this.erasedAt = null;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String subjectId() {
        return subjectId;
    }

    public String purposeKey() {
        return purposeKey;
    }

    public OffsetDateTime endedAt() {
        return endedAt;
    }

    public Cause cause() {
        return cause;
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    public OffsetDateTime erasedAt() {
        return erasedAt;
    }
}
