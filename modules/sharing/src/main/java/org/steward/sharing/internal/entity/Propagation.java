package org.steward.sharing.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * Telling one recipient of a subject's data that the subject was erased, corrected or restricted (GDPR Art. 17(2),
 * 19): sent through the recipient's connector and open until the recipient confirms (a signed callback, an OpenDSR
 * status) or a privacy officer confirms or waives it with a reason. What the recipient knows the subject by is
 * encrypted under the row's own data key, destroyed when the task closes.
 */
@Entity
@Table(name = "sharing_propagation")
public class Propagation {

    public enum Kind { ERASURE, RECTIFICATION, RESTRICTION, RESTRICTION_LIFTED }

    /** PENDING: to be sent; SENT: the recipient has it and is to confirm; CONFIRMED and WAIVED close it. */
    public enum State { PENDING, FAILING, SENT, CONFIRMED, WAIVED;

        public boolean closed() {
            return this == CONFIRMED || this == WAIVED;
        }
    }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "cause_ref", nullable = false)
    private String causeRef;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Kind kind;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "recipient_id", nullable = false)
    private String recipientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "connector", nullable = false)
    private Subprocessor.Connector connector;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

    @Column(name = "data_key_id")
    private String dataKeyId;

    @Column(name = "payload_enc")
    private byte[] payloadEnc;

    @Column(name = "categories", nullable = false)
    private String categories;

    @Column(name = "remote_ref")
    private String remoteRef;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "close_note")
    private String closeNote;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Propagation() {
    }

    @SuppressWarnings("java:S107")
    public Propagation(String id, String causeRef, Kind kind, String tenantId, String subjectId, String recipientId,
                       Subprocessor.Connector connector, String dataKeyId, byte[] payloadEnc, String categories,
                       OffsetDateTime dueAt, OffsetDateTime now) {
        this.id = id;
        this.causeRef = causeRef;
        this.kind = kind;
        this.tenantId = tenantId;
        this.subjectId = subjectId;
        this.recipientId = recipientId;
        this.connector = connector;
        // A manual task is "sent" the moment it exists: it is in the admin queue until someone confirms it.
        this.state = connector == Subprocessor.Connector.MANUAL ? State.SENT : State.PENDING;
        this.sentAt = connector == Subprocessor.Connector.MANUAL ? now : null;
        this.dataKeyId = dataKeyId;
        this.payloadEnc = payloadEnc;
        this.categories = categories;
        this.dueAt = dueAt;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String causeRef() {
        return causeRef;
    }

    public Kind kind() {
        return kind;
    }

    public String tenantId() {
        return tenantId;
    }

    public String subjectId() {
        return subjectId;
    }

    public String recipientId() {
        return recipientId;
    }

    public Subprocessor.Connector connector() {
        return connector;
    }

    public State state() {
        return state;
    }

    public String dataKeyId() {
        return dataKeyId;
    }

    public byte[] payloadEnc() {
        return payloadEnc;
    }

    public String categories() {
        return categories;
    }

    public String remoteRef() {
        return remoteRef;
    }

    public OffsetDateTime dueAt() {
        return dueAt;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public String closeNote() {
        return closeNote;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** The recipient's connector changed: the task follows it (an OpenDSR request keeps its id once given). */
    public void reconnect(Subprocessor.Connector connector, String remoteRef) {
        this.connector = connector;
        this.remoteRef = remoteRef;
    }

    public void sent(String remoteRef, OffsetDateTime at) {
        this.state = State.SENT;
        this.remoteRef = remoteRef;
        this.sentAt = at;
        this.lastError = null;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    public void failed(String error, OffsetDateTime next, boolean failing) {
        this.attempts++;
        this.lastError = error;
        this.nextAttemptAt = next;
        this.state = failing ? State.FAILING : State.PENDING;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    /** Closes the task; the identifiers go with its key, which the caller destroys. */
    public void close(State state, String by, String note, OffsetDateTime at) {
        this.state = state;
        this.closedBy = by;
        this.closeNote = note;
        this.closedAt = at;
        this.payloadEnc = null;
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    /** What remains once the subject is erased: no subject id (the erasure's own task names it encrypted). */
    public void forgetSubject() {
        this.subjectId = null;
    }

    public void status(String lastError) {
        this.lastError = lastError;
    }
}
