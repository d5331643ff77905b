package org.steward.subjectrights.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One module's share of an approved request, for one holder ({@code subject:<tenant>/<subject>} or
 * {@code device:<id>}). Claimed with a lease by conditional updates, retried with a backoff until DONE; a task that
 * keeps failing stays FAILING and visible.
 */
@Entity
@Table(name = "subject_rights_task")
public class FulfilmentTask {

    public enum State { PENDING, WAITING, FAILING, DONE, SKIPPED }

    /** What the module does. */
    public enum Action { EXPORT, RECTIFY, ERASE, TERMINATE_LICENCE, RESTRICT, LIFT_RESTRICTION, OBJECT, WITHDRAW }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Column(name = "module", nullable = false)
    private String module;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false)
    private Action action;

    @Column(name = "holder", nullable = false)
    private String holder;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "result_ref")
    private String resultRef;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "done_at")
    private OffsetDateTime doneAt;

    protected FulfilmentTask() {
    }

    public FulfilmentTask(String id, String requestId, String module, Action action, String holder,
                          OffsetDateTime now) {
        this.id = id;
        this.requestId = requestId;
        this.module = module;
        this.action = action;
        this.holder = holder;
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() { return id; }
    public String requestId() { return requestId; }
    public String module() { return module; }
    public Action action() { return action; }
    public String holder() { return holder; }
    public State state() { return state; }
    public int attempts() { return attempts; }
    public String lastError() { return lastError; }
    public String resultRef() { return resultRef; }
    public String leaseOwner() { return leaseOwner; }
    public OffsetDateTime nextAttemptAt() { return nextAttemptAt; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
    public OffsetDateTime doneAt() { return doneAt; }
}
