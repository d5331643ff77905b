package org.steward.subjectrights.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.steward.subjectrights.api.DenialBasis;
import org.steward.subjectrights.api.Jurisdiction;
import org.steward.subjectrights.api.Outcome;
import org.steward.subjectrights.api.RequestState;
import org.steward.subjectrights.api.RequestType;

/**
 * A data-subject request and, once closed, its entry in the request log. What the requester gave is held only as
 * ciphertext under the request's own data key ({@code *Enc}); the rest is dates, kinds and ids.
 */
@Entity
@Table(name = "subject_rights_request")
public class Request {

    /** How the request reached us. */
    public enum Channel { WEB, EMAIL, SUPPORT_TICKET, PHONE, POST, APP, JSM }

    /** Who filed it. */
    public enum FiledBy { SUBJECT, STAFF, SERVICE, AGENT }

    /** What identifies the subject. */
    public enum IdentifierKind { EMAIL, ACCOUNT_ID, DEVICE, SUBJECT, TENANT }

    /**
     * How the requester's identity was checked. JSM_ACCOUNT: the help center's customer was signed in with their
     * Atlassian account, which Atlassian verified.
     */
    public enum Verification { EMAIL_CODE, STAFF_CHECK, SERVICE_APP, DEVICE_COOKIE, JSM_ACCOUNT }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false)
    private RequestType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "jurisdiction", nullable = false)
    private Jurisdiction jurisdiction;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private RequestState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    private Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false)
    private Channel channel;

    @Column(name = "channel_ref")
    private String channelRef;

    @Enumerated(EnumType.STRING)
    @Column(name = "filed_by_kind", nullable = false)
    private FiledBy filedByKind;

    @Column(name = "filed_by")
    private String filedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "identifier_kind", nullable = false)
    private IdentifierKind identifierKind;

    @Column(name = "identifier_idx")
    private String identifierIndex;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "data_key_id")
    private String dataKeyId;

    @Column(name = "identifier_enc")
    private byte[] identifierEnc;

    @Column(name = "contact_enc")
    private byte[] contactEnc;

    @Column(name = "details_enc")
    private byte[] detailsEnc;

    @Column(name = "agent_enc")
    private byte[] agentEnc;

    @Column(name = "identity_check_enc")
    private byte[] identityCheckEnc;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification")
    private Verification verification;

    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "code_expires_at")
    private OffsetDateTime codeExpiresAt;

    @Column(name = "code_attempts", nullable = false)
    private int codeAttempts;

    @Column(name = "codes_sent", nullable = false)
    private int codesSent;

    @Column(name = "status_token_hash")
    private String statusTokenHash;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "acknowledge_by")
    private LocalDate acknowledgeBy;

    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "original_due_on", nullable = false)
    private LocalDate originalDueOn;

    @Column(name = "max_due_on", nullable = false)
    private LocalDate maxDueOn;

    @Column(name = "extended_at")
    private OffsetDateTime extendedAt;

    @Column(name = "extension_reason_enc")
    private byte[] extensionReasonEnc;

    @Column(name = "verified_at")
    private OffsetDateTime verifiedAt;

    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "denial_basis")
    private DenialBasis denialBasis;

    @Column(name = "denial_text_enc")
    private byte[] denialTextEnc;

    @Column(name = "pseudonym", nullable = false)
    private String pseudonym;

    @Column(name = "erase_on_close", nullable = false)
    private boolean eraseOnClose;

    @Column(name = "reminded")
    private String reminded;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Request() {
    }

    public Request(String id, RequestType type, Jurisdiction jurisdiction, Channel channel, FiledBy filedByKind,
                   String filedBy, IdentifierKind identifierKind, String pseudonym, OffsetDateTime receivedAt) {
        this.id = id;
        this.type = type;
        this.jurisdiction = jurisdiction;
        this.channel = channel;
        this.filedByKind = filedByKind;
        this.filedBy = filedBy;
        this.identifierKind = identifierKind;
        this.pseudonym = pseudonym;
        this.state = RequestState.RECEIVED;
        this.receivedAt = receivedAt;
        this.createdAt = receivedAt;
        this.updatedAt = receivedAt;
    }

    public String id() { return id; }
    public RequestType type() { return type; }
    public Jurisdiction jurisdiction() { return jurisdiction; }
    public RequestState state() { return state; }
    public Outcome outcome() { return outcome; }
    public Channel channel() { return channel; }
    public String channelRef() { return channelRef; }
    public FiledBy filedByKind() { return filedByKind; }
    public String filedBy() { return filedBy; }
    public IdentifierKind identifierKind() { return identifierKind; }
    public String identifierIndex() { return identifierIndex; }
    public String tenantId() { return tenantId; }
    public String dataKeyId() { return dataKeyId; }
    public byte[] identifierEnc() { return identifierEnc; }
    public byte[] contactEnc() { return contactEnc; }
    public byte[] detailsEnc() { return detailsEnc; }
    public byte[] agentEnc() { return agentEnc; }
    public byte[] identityCheckEnc() { return identityCheckEnc; }
    public Verification verification() { return verification; }
    public String codeHash() { return codeHash; }
    public OffsetDateTime codeExpiresAt() { return codeExpiresAt; }
    public int codeAttempts() { return codeAttempts; }
    public int codesSent() { return codesSent; }
    public String statusTokenHash() { return statusTokenHash; }
    public OffsetDateTime receivedAt() { return receivedAt; }
    public LocalDate acknowledgeBy() { return acknowledgeBy; }
    public OffsetDateTime acknowledgedAt() { return acknowledgedAt; }
    public LocalDate dueOn() { return dueOn; }
    public LocalDate originalDueOn() { return originalDueOn; }
    public LocalDate maxDueOn() { return maxDueOn; }
    public OffsetDateTime extendedAt() { return extendedAt; }
    public byte[] extensionReasonEnc() { return extensionReasonEnc; }
    public OffsetDateTime verifiedAt() { return verifiedAt; }
    public OffsetDateTime approvedAt() { return approvedAt; }
    public String approvedBy() { return approvedBy; }
    public OffsetDateTime closedAt() { return closedAt; }
    public DenialBasis denialBasis() { return denialBasis; }
    public byte[] denialTextEnc() { return denialTextEnc; }
    public String pseudonym() { return pseudonym; }
    public boolean eraseOnClose() { return eraseOnClose; }
    public String reminded() { return reminded; }
    public OffsetDateTime updatedAt() { return updatedAt; }

    public void channelRef(String ref) { this.channelRef = ref; }
    public void tenantId(String tenantId) { this.tenantId = tenantId; }

    public void identifier(String index, String dataKeyId, byte[] identifierEnc, byte[] contactEnc) {
        this.identifierIndex = index;
        this.dataKeyId = dataKeyId;
        this.identifierEnc = identifierEnc;
        this.contactEnc = contactEnc;
    }

    public void details(byte[] detailsEnc, byte[] agentEnc, byte[] identityCheckEnc) {
        this.detailsEnc = detailsEnc;
        this.agentEnc = agentEnc;
        this.identityCheckEnc = identityCheckEnc;
    }

    public void schedule(LocalDate acknowledgeBy, LocalDate dueOn, LocalDate maxDueOn) {
        this.acknowledgeBy = acknowledgeBy;
        this.dueOn = dueOn;
        this.originalDueOn = dueOn;
        this.maxDueOn = maxDueOn;
    }

    public void moveTo(RequestState next, OffsetDateTime now) {
        this.state = next;
        this.updatedAt = now;
    }

    public void code(String hash, OffsetDateTime expiresAt) {
        this.codeHash = hash;
        this.codeExpiresAt = expiresAt;
        this.codeAttempts = 0;
        this.codesSent++;
    }

    public void failedAttempt() {
        this.codeAttempts++;
    }

    public void verified(Verification how, String statusTokenHash, OffsetDateTime now) {
        this.verification = how;
        this.statusTokenHash = statusTokenHash;
        this.codeHash = null;
        this.verifiedAt = now;
    }

    public void acknowledged(OffsetDateTime now) {
        if (acknowledgedAt == null) {
            this.acknowledgedAt = now;
        }
    }

    public void extended(LocalDate newDue, byte[] reasonEnc, OffsetDateTime now) {
        this.dueOn = newDue;
        this.extensionReasonEnc = reasonEnc;
        this.extendedAt = now;
        this.updatedAt = now;
    }

    public void approved(String by, OffsetDateTime now) {
        this.approvedBy = by;
        this.approvedAt = now;
    }

    public void closed(Outcome outcome, OffsetDateTime now) {
        this.outcome = outcome;
        this.closedAt = now;
        this.updatedAt = now;
    }

    public void denied(DenialBasis basis, byte[] textEnc) {
        this.denialBasis = basis;
        this.denialTextEnc = textEnc;
    }

    public void eraseOnClose(boolean erase) { this.eraseOnClose = erase; }

    public void reminded(String kinds) { this.reminded = kinds; }

    /** Drops everything the requester gave; the request log keeps dates, kinds and the pseudonym. */
    public void wipe(OffsetDateTime now) {
        this.identifierIndex = null;
        this.identifierEnc = null;
        this.contactEnc = null;
        this.detailsEnc = null;
        this.agentEnc = null;
        this.identityCheckEnc = null;
        this.extensionReasonEnc = null;
        this.denialTextEnc = null;
        this.codeHash = null;
        this.statusTokenHash = null;
        this.dataKeyId = null;
        this.eraseOnClose = false;
        this.updatedAt = now;
    }
}
