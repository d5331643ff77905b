package org.steward.sharing.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One notice for one subscription: the outbox row, unique per pair, so that nobody is told twice. */
@Entity
@Table(name = "sharing_delivery")
public class Delivery {

    public enum State { PENDING, DELIVERED, FAILING, DROPPED }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "notice_id", nullable = false)
    private String noticeId;

    @Column(name = "subscription_id", nullable = false)
    private String subscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

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

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Delivery() {
    }

    public Delivery(String id, String noticeId, String subscriptionId, OffsetDateTime now) {
        this.id = id;
        this.noticeId = noticeId;
        this.subscriptionId = subscriptionId;
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String noticeId() {
        return noticeId;
    }

    public String subscriptionId() {
        return subscriptionId;
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

    public OffsetDateTime deliveredAt() {
        return deliveredAt;
    }

    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }
}
