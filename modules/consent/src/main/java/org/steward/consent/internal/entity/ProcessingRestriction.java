package org.steward.consent.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A subject whose processing is restricted (GDPR Art. 18): decisions deny every purpose while this row exists. */
@Entity
@Table(name = "consent_restriction")
public class ProcessingRestriction {

    @Id
    @Column(name = "holder_ref", length = 140)
    private String holderRef;

    @Column(name = "restriction_id", nullable = false, length = 36)
    private String restrictionId;

    @Column(name = "tenant_id", nullable = false, length = 36)
    private String tenantId;

    @Column(name = "request_ref", length = 64)
    private String requestRef;

    @Column(name = "restricted_at", nullable = false)
    private OffsetDateTime restrictedAt;

    protected ProcessingRestriction() {
    }

    public ProcessingRestriction(String holderRef, String restrictionId, String tenantId, String requestRef,
                                 OffsetDateTime restrictedAt) {
        this.holderRef = holderRef;
        this.restrictionId = restrictionId;
        this.tenantId = tenantId;
        this.requestRef = requestRef;
        this.restrictedAt = restrictedAt;
    }

    public String holderRef() {
        return holderRef;
    }

    public String restrictionId() {
        return restrictionId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String requestRef() {
        return requestRef;
    }

    public OffsetDateTime restrictedAt() {
        return restrictedAt;
    }
}
