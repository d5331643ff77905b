package org.steward.sharing.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A signed callback already accepted, by its signature: the same one again is a replay. */
@Entity
@Table(name = "sharing_callback_seen")
public class CallbackSeen {

    @Id
    @Column(name = "signature", length = 128)
    private String signature;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected CallbackSeen() {
    }

    public CallbackSeen(String signature, OffsetDateTime receivedAt) {
        this.signature = signature;
        this.receivedAt = receivedAt;
    }
}
