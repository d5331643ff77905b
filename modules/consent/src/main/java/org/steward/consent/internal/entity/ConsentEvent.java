package org.steward.consent.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;

/** One consent action as it happened, with its proof. Append-only: this entity has no setters. */
@Entity
@Table(name = "consent_event")
public class ConsentEvent {

    /** Where and how the action was taken: the user agent and a keyed hash of the IP address, never the address. */
    public record Proof(String userAgent, String ipHash) {
        public static final Proof NONE = new Proof(null, null);
    }

    /** What was shown: the notice version the action was given under, or none. */
    public record NoticeRef(String id, Integer version, String language) {
        public static final NoticeRef NONE = new NoticeRef(null, null, null);
    }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "holder_ref", nullable = false)
    private String holderRef;

    @Column(name = "purpose_key", nullable = false)
    private String purposeKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false)
    private ConsentAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ConsentStatus status;

    @Column(name = "notice_id")
    private String noticeId;

    @Column(name = "notice_version")
    private Integer noticeVersion;

    @Column(name = "notice_language")
    private String noticeLanguage;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    private ConsentSource source;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "ip_hash")
    private String ipHash;

    @Column(name = "import_key")
    private String importKey;

    @Column(name = "receipt_id", nullable = false)
    private String receiptId;

    protected ConsentEvent() {
    }

    @SuppressWarnings("java:S107") // an event is a flat record of everything that proves it
    public ConsentEvent(String id, String tenantId, String holderRef, String purposeKey, ConsentAction action,
                        ConsentStatus status, NoticeRef notice, ConsentSource source, OffsetDateTime occurredAt,
                        OffsetDateTime expiresAt, Proof proof, String importKey, String receiptId,
                        OffsetDateTime recordedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.holderRef = holderRef;
        this.purposeKey = purposeKey;
        this.action = action;
        this.status = status;
        this.noticeId = notice.id();
        this.noticeVersion = notice.version();
        this.noticeLanguage = notice.language();
        this.source = source;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.expiresAt = expiresAt;
        this.userAgent = proof.userAgent();
        this.ipHash = proof.ipHash();
        this.importKey = importKey;
        this.receiptId = receiptId;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String holderRef() {
        return holderRef;
    }

    public String purposeKey() {
        return purposeKey;
    }

    public ConsentAction action() {
        return action;
    }

    public ConsentStatus status() {
        return status;
    }

    public String noticeId() {
        return noticeId;
    }

    public Integer noticeVersion() {
        return noticeVersion;
    }

    public String noticeLanguage() {
        return noticeLanguage;
    }

    public ConsentSource source() {
        return source;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public String userAgent() {
        return userAgent;
    }

    public String ipHash() {
        return ipHash;
    }

    public String importKey() {
        return importKey;
    }

    public String receiptId() {
        return receiptId;
    }
}
