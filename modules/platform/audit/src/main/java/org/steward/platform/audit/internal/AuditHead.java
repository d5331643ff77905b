package org.steward.platform.audit.internal;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one-row head of the chain: the last seq and hash. The sequencer locks it for update while it seals a batch,
 * which serialises sealing across threads and instances; never cached, so that a stale head can never be extended.
 */
@Entity
@Table(name = "platform_audit_head")
@Cacheable(false)
public class AuditHead {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", length = 64, nullable = false)
    private String lastHash;

    protected AuditHead() {
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }
}
