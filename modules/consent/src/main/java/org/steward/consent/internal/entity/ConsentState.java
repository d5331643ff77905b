package org.steward.consent.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentSource;
import org.steward.consent.api.ConsentStatus;

/**
 * The current state of one holder × purpose: a projection of the latest {@link ConsentEvent}, kept in the same
 * transaction as the append. The decision path reads this row only, never the event history.
 */
@Entity
@Table(name = "consent_state")
@IdClass(ConsentStateKey.class)
public class ConsentState {

    @Id
    @Column(name = "holder_ref", length = 140)
    private String holderRef;

    @Id
    @Column(name = "purpose_key", length = 64)
    private String purposeKey;

    @Column(name = "tenant_id")
    private String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ConsentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_action", nullable = false)
    private ConsentAction lastAction;

    @Column(name = "notice_version")
    private Integer noticeVersion;

    @Column(name = "notice_language")
    private String noticeLanguage;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false)
    private ConsentSource source;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ConsentState() {
    }

    public ConsentState(ConsentEvent first) {
        this.holderRef = first.holderRef();
        this.purposeKey = first.purposeKey();
        this.tenantId = first.tenantId();
        apply(first);
    }

    /** Moves to the state of a later event. An event older than the current state (an import) leaves it as it is. */
    public boolean apply(ConsentEvent e) {
        if (changedAt != null && e.occurredAt().isBefore(changedAt)) {
            return false;
        }
        this.status = e.status();
        this.lastAction = e.action();
        this.noticeVersion = e.noticeVersion();
        this.noticeLanguage = e.noticeLanguage();
        this.source = e.source();
        this.changedAt = e.occurredAt();
        this.expiresAt = e.expiresAt();
        this.eventId = e.id();
        return true;
    }

    public String holderRef() {
        return holderRef;
    }

    public String purposeKey() {
        return purposeKey;
    }

    public String tenantId() {
        return tenantId;
    }

    public ConsentStatus status() {
        return status;
    }

    public ConsentAction lastAction() {
        return lastAction;
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

    public OffsetDateTime changedAt() {
        return changedAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public String eventId() {
        return eventId;
    }
}
