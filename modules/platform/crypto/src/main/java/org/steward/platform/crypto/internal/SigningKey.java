package org.steward.platform.crypto.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The public half of a server signing key pair (X.509 SubjectPublicKeyInfo, base64); anyone may have it. */
@Entity(name = "PlatformSigningKey")
@Table(name = "platform_signing_key")
public class SigningKey {

    @Id
    @Column(name = "key_id", length = 64)
    private String keyId;

    @Column(name = "algorithm", nullable = false)
    private String algorithm;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected SigningKey() {
    }

    public SigningKey(String keyId, String algorithm, String publicKey, OffsetDateTime now) {
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.createdAt = now;
    }

    public String keyId() {
        return keyId;
    }

    public String algorithm() {
        return algorithm;
    }

    public String publicKey() {
        return publicKey;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
