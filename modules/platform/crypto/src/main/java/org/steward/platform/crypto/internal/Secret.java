package org.steward.platform.crypto.internal;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A server-wide secret (such as the blind-index key), stored wrapped by the master key. */
@Entity
@Table(name = "platform_secret")
@Cacheable(false)
public class Secret {

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "kek_id", length = 32, nullable = false)
    private String kekId;

    @Column(name = "wrapped", nullable = false)
    private byte[] wrapped;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Secret() {
    }

    public Secret(String name, String kekId, byte[] wrapped, OffsetDateTime now) {
        this.name = name;
        this.kekId = kekId;
        this.wrapped = wrapped;
        this.createdAt = now;
    }

    public String name() {
        return name;
    }

    public String kekId() {
        return kekId;
    }

    public byte[] wrapped() {
        return wrapped;
    }
}
