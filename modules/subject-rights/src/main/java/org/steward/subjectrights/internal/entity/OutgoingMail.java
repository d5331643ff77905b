package org.steward.subjectrights.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A mail to the requester, queued with its cause and sent after the commit (the mail outbox). */
@Entity
@Table(name = "subject_rights_mail")
public class OutgoingMail {

    public enum State { PENDING, SENT, DROPPED }

    /** Which mail: each has its fixed text (RequestMails). */
    public enum Kind { CODE, RECEIVED, VERIFIED, EXTENDED, DENIED, COMPLETED, EXPORT_READY, CANCELLED }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

    @Column(name = "payload_enc")
    private byte[] payloadEnc;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    protected OutgoingMail() {
    }

    public OutgoingMail(String id, String requestId, Kind kind, byte[] payloadEnc, OffsetDateTime now) {
        this.id = id;
        this.requestId = requestId;
        this.kind = kind;
        this.state = State.PENDING;
        this.payloadEnc = payloadEnc;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public String id() { return id; }
    public String requestId() { return requestId; }
    public Kind kind() { return kind; }
    public State state() { return state; }
    public byte[] payloadEnc() { return payloadEnc; }
    public int attempts() { return attempts; }
    public OffsetDateTime sentAt() { return sentAt; }

    public void sent(OffsetDateTime now) {
        this.state = State.SENT;
        this.sentAt = now;
        this.payloadEnc = null;
    }

    /** Tried again at {@code retryAt}, by any instance: the lease guarded this attempt only. */
    public void failed(OffsetDateTime retryAt) {
        this.attempts++;
        this.nextAttemptAt = retryAt;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    public void drop() {
        this.state = State.DROPPED;
        this.payloadEnc = null;
    }
}
