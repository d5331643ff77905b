package org.steward.sharing.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One disclosure of personal data to a recipient, as a client reported it: of a subject, or of a tenant's data in
 * bulk (no subject). The client's id ({@code clientRef}) makes the report idempotent within the tenant; the
 * fingerprint tells a repeat from a different report under the same id.
 */
@Entity
@Table(name = "sharing_disclosure")
public class Disclosure {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "client_ref", nullable = false)
    private String clientRef;

    @Column(name = "fingerprint", nullable = false)
    private String fingerprint;

    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "recipient_id", nullable = false)
    private String recipientId;

    @Column(name = "categories", nullable = false)
    private String categories;

    @Column(name = "purpose_key", nullable = false)
    private String purposeKey;

    @Column(name = "legal_basis", nullable = false)
    private String legalBasis;

    @Column(name = "jurisdiction", nullable = false)
    private String jurisdiction;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "reported_by", nullable = false)
    private String reportedBy;

    protected Disclosure() {
    }

    @SuppressWarnings("java:S107")
    public Disclosure(String id, String tenantId, String clientRef, String fingerprint, String subjectId,
                      String recipientId, List<String> categories, String purposeKey, String legalBasis,
                      String jurisdiction, OffsetDateTime occurredAt, OffsetDateTime recordedAt, String reportedBy) {
        this.id = id;
        this.tenantId = tenantId;
        this.clientRef = clientRef;
        this.fingerprint = fingerprint;
        this.subjectId = subjectId;
        this.recipientId = recipientId;
        this.categories = String.join(",", categories);
        this.purposeKey = purposeKey;
        this.legalBasis = legalBasis;
        this.jurisdiction = jurisdiction;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.reportedBy = reportedBy;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String clientRef() {
        return clientRef;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String subjectId() {
        return subjectId;
    }

    public String recipientId() {
        return recipientId;
    }

    public List<String> categories() {
        return Arrays.asList(categories.split(","));
    }

    public String purposeKey() {
        return purposeKey;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    public String reportedBy() {
        return reportedBy;
    }
}
