package org.steward.atlassian.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A portal request seen on a service desk, and what became of it. */
@Entity
@Table(name = "atlassian_ticket")
public class Ticket {

    /**
     * PENDING: known by its key only (a webhook), to be read from JSM and filed; FILED: a subject request; IGNORED: its
     * request type maps to no subject request; REFUSED: it names no one (no account, no email).
     */
    public enum State { PENDING, FILED, IGNORED, REFUSED }

    /** How Steward heard of it first. */
    public enum Source { WEBHOOK, POLL }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "desk_id", nullable = false)
    private String deskId;

    @Column(name = "issue_key", nullable = false)
    private String issueKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    private Source source;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "request_type_id")
    private String requestTypeId;

    @Column(name = "note")
    private String note;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Ticket() {
    }

    public Ticket(String id, String deskId, String issueKey, Source source, OffsetDateTime now) {
        this.id = id;
        this.deskId = deskId;
        this.issueKey = issueKey;
        this.source = source;
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void filed(String requestId, String requestTypeId, String note, OffsetDateTime now) {
        this.state = State.FILED;
        this.requestId = requestId;
        this.requestTypeId = requestTypeId;
        this.note = note;
        this.updatedAt = now;
    }

    public void settled(State state, String requestTypeId, String note, OffsetDateTime now) {
        this.state = state;
        this.requestTypeId = requestTypeId;
        this.note = note;
        this.updatedAt = now;
    }

    public void retryAt(OffsetDateTime next, String note, OffsetDateTime now) {
        this.attempts++;
        this.nextAttemptAt = next;
        this.note = note;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String deskId() {
        return deskId;
    }

    public String issueKey() {
        return issueKey;
    }

    public State state() {
        return state;
    }

    public Source source() {
        return source;
    }

    public String requestId() {
        return requestId;
    }

    public String requestTypeId() {
        return requestTypeId;
    }

    public String note() {
        return note;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
