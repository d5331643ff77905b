package org.steward.retention.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A signed erasure certificate: the canonical text that was signed, and the signature. No personal data. */
@Entity
@Table(name = "retention_certificate")
public class Certificate {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "erasure_id", nullable = false)
    private String erasureId;

    @Column(name = "canonical", nullable = false)
    private String canonical;

    @Column(name = "key_id", nullable = false)
    private String keyId;

    @Column(name = "algorithm", nullable = false)
    private String algorithm;

    @Column(name = "signature", nullable = false)
    private String signature;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    protected Certificate() {
    }

    public Certificate(String id, String erasureId, String canonical, String keyId, String algorithm,
                       String signature, OffsetDateTime issuedAt) {
        this.id = id;
        this.erasureId = erasureId;
        this.canonical = canonical;
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.signature = signature;
        this.issuedAt = issuedAt;
    }

    public String id() {
        return id;
    }

    public String erasureId() {
        return erasureId;
    }

    public String canonical() {
        return canonical;
    }

    public String keyId() {
        return keyId;
    }

    public String algorithm() {
        return algorithm;
    }

    public String signature() {
        return signature;
    }

    public OffsetDateTime issuedAt() {
        return issuedAt;
    }
}
