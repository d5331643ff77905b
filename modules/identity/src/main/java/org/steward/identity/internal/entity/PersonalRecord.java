package org.steward.identity.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.steward.identity.api.RecordId;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/** One personal-data record of policy §4b. Its whole content is one ciphertext under the subject's data key. */
@Entity
@Table(name = "identity_personal_record")
public class PersonalRecord {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "subject_id", nullable = false)
    private String subjectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    private RecordCategory category;

    @Column(name = "payload", nullable = false)
    private byte[] payload;

    @Column(name = "obtained_at", nullable = false)
    private OffsetDateTime obtainedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected PersonalRecord() {
    }

    public PersonalRecord(RecordId id, TenantId tenantId, SubjectId subjectId, RecordCategory category,
                          byte[] payload, OffsetDateTime obtainedAt, OffsetDateTime now) {
        this.id = id.asString();
        this.tenantId = tenantId.asString();
        this.subjectId = subjectId.asString();
        this.category = category;
        this.payload = payload;
        this.obtainedAt = obtainedAt;
        this.createdAt = now;
    }

    public RecordId id() {
        return RecordId.of(id);
    }

    public String rawId() {
        return id;
    }

    public SubjectId subjectId() {
        return SubjectId.of(subjectId);
    }

    public RecordCategory category() {
        return category;
    }

    public byte[] payload() {
        return payload;
    }

    public OffsetDateTime obtainedAt() {
        return obtainedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** A rectification: new content; the time it was obtained changes only when a new one is given. */
    public void replace(byte[] newPayload, OffsetDateTime newObtainedAt) {
        this.payload = newPayload;
        if (newObtainedAt != null) {
            this.obtainedAt = newObtainedAt;
        }
    }
}
