package org.steward.atlassian.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One notice of a subject request, to post on its ticket (the outbox row); {@code closing} also transitions it. */
@Entity
@Table(name = "atlassian_ticket_comment")
public class TicketComment {

    /** COMMENTED: a closing notice whose comment is posted and whose transition is still to do. */
    public enum State { PENDING, COMMENTED, POSTED }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "ticket_id", nullable = false)
    private String ticketId;

    @Column(name = "notice", nullable = false)
    private String notice;

    @Column(name = "closing", nullable = false)
    private boolean closing;

    @Column(name = "data_key_id")
    private String dataKeyId;

    @Column(name = "body_enc")
    private byte[] bodyEnc;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "posted_at")
    private OffsetDateTime postedAt;

    protected TicketComment() {
    }

    public TicketComment(String id, String ticketId, String notice, boolean closing, String dataKeyId, byte[] bodyEnc,
                         OffsetDateTime now) {
        this.id = id;
        this.ticketId = ticketId;
        this.notice = notice;
        this.closing = closing;
        this.dataKeyId = dataKeyId;
        this.bodyEnc = bodyEnc;
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Posted: the text (and its key, destroyed by the caller) are no longer needed. */
    public void posted(OffsetDateTime now) {
        state = State.POSTED;
        postedAt = now;
        bodyEnc = null;
        dataKeyId = null;
        lastError = null;
        leaseUntil = null;
    }

    public void commented() {
        state = State.COMMENTED;
    }

    public void failed(String error, OffsetDateTime next) {
        attempts++;
        lastError = error;
        nextAttemptAt = next;
        leaseUntil = null;
    }

    public String id() {
        return id;
    }

    public String ticketId() {
        return ticketId;
    }

    public String notice() {
        return notice;
    }

    public boolean closing() {
        return closing;
    }

    public String dataKeyId() {
        return dataKeyId;
    }

    public byte[] bodyEnc() {
        return bodyEnc;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime postedAt() {
        return postedAt;
    }
}
