package org.steward.sharing.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A tenant's subscription to change notices: an address or a webhook, both encrypted under its own data key. */
@Entity
@Table(name = "sharing_subscription")
public class Subscription {

    public enum Channel { EMAIL, WEBHOOK }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false)
    private Channel channel;

    @Column(name = "data_key_id", nullable = false)
    private String dataKeyId;

    @Column(name = "address_enc", nullable = false)
    private byte[] addressEnc;

    @Column(name = "secret_enc")
    private byte[] secretEnc;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    protected Subscription() {
    }

    public Subscription(String id, String tenantId, Channel channel, String dataKeyId, byte[] addressEnc,
                        byte[] secretEnc, OffsetDateTime createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.channel = channel;
        this.dataKeyId = dataKeyId;
        this.addressEnc = addressEnc;
        this.secretEnc = secretEnc;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public Channel channel() {
        return channel;
    }

    public String dataKeyId() {
        return dataKeyId;
    }

    public byte[] addressEnc() {
        return addressEnc;
    }

    public byte[] secretEnc() {
        return secretEnc;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime cancelledAt() {
        return cancelledAt;
    }

    public void cancel(OffsetDateTime at) {
        this.cancelledAt = at;
    }
}
