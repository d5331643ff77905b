package org.steward.subjectrights.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.steward.subjectrights.api.RequestState;

/** One step of a request's history: a state change, a mail, an extension, a reminder. No personal data. */
@Entity
@Table(name = "subject_rights_request_event")
public class TimelineEntry {

    public enum Kind { STATE, MAIL_QUEUED, MAIL_SENT, EXTENDED, ACKNOWLEDGED, REMINDER, TASK, CODE_FAILED, DUPLICATE }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private RequestState state;

    @Column(name = "actor", nullable = false)
    private String actor;

    @Column(name = "detail")
    private String detail;

    protected TimelineEntry() {
    }

    public TimelineEntry(String id, String requestId, OffsetDateTime occurredAt, Kind kind, RequestState state,
                         String actor, String detail) {
        this.id = id;
        this.requestId = requestId;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.state = state;
        this.actor = actor;
        this.detail = detail;
    }

    public String id() { return id; }
    public String requestId() { return requestId; }
    public OffsetDateTime occurredAt() { return occurredAt; }
    public Kind kind() { return kind; }
    public RequestState state() { return state; }
    public String actor() { return actor; }
    public String detail() { return detail; }
}
