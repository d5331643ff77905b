package org.steward.identity.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DataKeyId;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.TenantId;

/**
 * A data subject. Identifiers live only as a blind index plus a ciphertext under the subject's own data key; this
 * entity never holds plaintext, so nothing that caches or logs it can leak personal data.
 */
@Entity
@Table(name = "identity_subject")
public class Subject {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "data_key_id", nullable = false)
    private String dataKeyId;

    @Column(name = "email_idx")
    private String emailIndex;

    @Column(name = "username_idx")
    private String usernameIndex;

    @Column(name = "account_id_idx")
    private String accountIdIndex;

    @Column(name = "index_version", nullable = false)
    private int indexVersion;

    @Column(name = "email_enc")
    private byte[] email;

    @Column(name = "username_enc")
    private byte[] username;

    @Column(name = "account_id_enc")
    private byte[] accountId;

    @Column(name = "display_name_enc")
    private byte[] displayName;

    @Column(name = "minor", nullable = false)
    private boolean minor;

    @Column(name = "profile_retrieved_at")
    private OffsetDateTime profileRetrievedAt;

    @Column(name = "profile_stale_at")
    private OffsetDateTime profileStaleAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Subject() {
    }

    public Subject(SubjectId id, TenantId tenantId, DataKeyId dataKeyId, OffsetDateTime now) {
        this.id = id.asString();
        this.tenantId = tenantId.asString();
        this.dataKeyId = dataKeyId.asString();
        this.createdAt = now;
        this.updatedAt = createdAt;
        this.profileRetrievedAt = now;
    }

    public SubjectId id() {
        return SubjectId.of(id);
    }

    public String rawId() {
        return id;
    }

    public TenantId tenantId() {
        return TenantId.of(tenantId);
    }

    public DataKeyId dataKeyId() {
        return DataKeyId.of(dataKeyId);
    }

    public void email(byte[] ciphertext) {
        this.email = ciphertext;
    }

    public void username(byte[] ciphertext) {
        this.username = ciphertext;
    }

    public void accountId(byte[] ciphertext) {
        this.accountId = ciphertext;
    }

    /** The optimistic-lock version: changes whenever a request changes the row. */
    public long rowVersion() {
        return version;
    }

    /** The blind-index key version of the three indexes; 0 for a subject not yet indexed. */
    public int indexVersion() {
        return indexVersion;
    }

    /** All three indexes at once, under one key version: a row is never indexed under two versions. */
    public void indexes(int version, String emailIndex, String usernameIndex, String accountIdIndex) {
        this.indexVersion = version;
        this.emailIndex = emailIndex;
        this.usernameIndex = usernameIndex;
        this.accountIdIndex = accountIdIndex;
    }

    public void displayName(byte[] ciphertext) {
        this.displayName = ciphertext;
    }

    public byte[] email() {
        return email;
    }

    public byte[] username() {
        return username;
    }

    public byte[] accountId() {
        return accountId;
    }

    public byte[] displayName() {
        return displayName;
    }

    public boolean minor() {
        return minor;
    }

    public void flagAsMinor(OffsetDateTime now) {
        this.minor = true;
        touch(now);
    }

    public void touch(OffsetDateTime now) {
        this.updatedAt = now;
    }

    /** The profile was (re)stored from its source: fresh again. */
    public void profileRetrieved(OffsetDateTime at) {
        profileRetrievedAt = at;
        profileStaleAt = null;
    }

    public OffsetDateTime profileRetrievedAt() {
        return profileRetrievedAt != null ? profileRetrievedAt : updatedAt;
    }

    /** Erases what the accountId's source may have changed (email, user name, display name), keeping the accountId. */
    public void eraseProfileKeepingAccount() {
        email = null;
        username = null;
        displayName = null;
        emailIndex = null;
        usernameIndex = null;
    }

    public void profileStale(OffsetDateTime at) {
        if (profileStaleAt == null) {
            profileStaleAt = at;
        }
    }

    public OffsetDateTime profileStaleAt() {
        return profileStaleAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
