package org.steward.platform.crypto.internal;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.steward.platform.crypto.api.UnreadableCiphertextException;
import org.steward.platform.kernel.api.DataKeyId;

/**
 * A data-encryption key, stored only wrapped by the master key. Destroying it drops the wrapped bytes: from then on
 * every ciphertext made under it, wherever a copy survives, is noise. Never cached, so that a key destroyed on one
 * instance cannot be used from another instance's cache.
 */
@Entity
@Table(name = "platform_data_key")
@Cacheable(false)
public class DataKey {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "kek_id", length = 32)
    private String kekId;

    @Column(name = "wrapped")
    private byte[] wrapped;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "destroyed_at")
    private OffsetDateTime destroyedAt;

    protected DataKey() {
    }

    public DataKey(DataKeyId id, String kekId, byte[] wrapped, OffsetDateTime now) {
        this.id = id.asString();
        this.kekId = kekId;
        this.wrapped = wrapped;
        this.createdAt = now;
    }

    public DataKeyId id() {
        return DataKeyId.of(id);
    }

    public String kekId() {
        return kekId;
    }

    public byte[] wrapped() {
        if (wrapped == null) {
            throw new UnreadableCiphertextException("Data key " + id + " was destroyed");
        }
        return wrapped;
    }

    public boolean destroyed() {
        return wrapped == null;
    }

    public OffsetDateTime destroyedAt() {
        return destroyedAt;
    }

    public void destroy(OffsetDateTime now) {
        wrapped = null;
        kekId = null;
        destroyedAt = now;
    }

    public void rewrap(String newKekId, byte[] newWrapped) {
        this.kekId = newKekId;
        this.wrapped = newWrapped;
    }
}
