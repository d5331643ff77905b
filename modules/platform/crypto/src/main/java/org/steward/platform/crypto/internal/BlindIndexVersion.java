package org.steward.platform.crypto.internal;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A version of the blind-index key and the secret that holds it. Not cached: a rotation or retirement on one
 * instance must be seen by the next request on every other.
 */
@Entity
@Table(name = "platform_blind_index_key")
@Cacheable(false)
public class BlindIndexVersion {

    @Id
    @Column(name = "version")
    private int version;

    @Column(name = "secret_name", length = 64, nullable = false)
    private String secretName;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    protected BlindIndexVersion() {
    }

    public BlindIndexVersion(int version, String secretName, OffsetDateTime now) {
        this.version = version;
        this.secretName = secretName;
        this.createdAt = now;
    }

    public int version() {
        return version;
    }

    public String secretName() {
        return secretName;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime retiredAt() {
        return retiredAt;
    }
}
