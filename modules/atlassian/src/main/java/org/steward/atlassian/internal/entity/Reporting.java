package org.steward.atlassian.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;

/** A tenant's personal data reporting: how to reach Atlassian, and where the current cycle stands. */
@Entity
@Table(name = "atlassian_reporting")
public class Reporting {

    /** Forge and OAuth 2.0 (3LO) apps report with a bearer token; Connect apps with a JWT of their shared secret. */
    public enum Mode { OAUTH, CONNECT }

    /**
     * What the encrypted credential is: a bearer token as given (ACCESS_TOKEN), an OAuth 2.0 client with its
     * refresh token and the access token it last bought (OAUTH_CLIENT, JSON), or Connect's shared secret.
     */
    public enum CredentialKind { ACCESS_TOKEN, OAUTH_CLIENT, SHARED_SECRET }

    /** What an account that Atlassian reports updated gets: a stale mark, or its profile fields erased at once. */
    public enum OnUpdated { MARK_STALE, ERASE_STALE_FIELDS }

    @Id
    @Column(name = "tenant_id", length = 36)
    private String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false)
    private Mode mode;

    @Column(name = "base_url", nullable = false)
    private String baseUrl;

    @Column(name = "app_key")
    private String appKey;

    @Column(name = "data_key_id", nullable = false)
    private String dataKeyId;

    @Column(name = "credential_enc", nullable = false)
    private byte[] credentialEnc;

    @Enumerated(EnumType.STRING)
    @Column(name = "credential_kind", nullable = false)
    private CredentialKind credentialKind;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "token_expires_at")
    private OffsetDateTime tokenExpiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "on_updated", nullable = false)
    private OnUpdated onUpdated;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "cycle_seconds", nullable = false)
    private long cycleSeconds;

    @Column(name = "cycle_started_at")
    private OffsetDateTime cycleStartedAt;

    @Column(name = "cursor_subject")
    private String cursorSubject;

    @Column(name = "last_cycle_started_at")
    private OffsetDateTime lastCycleStartedAt;

    @Column(name = "last_cycle_ended_at")
    private OffsetDateTime lastCycleEndedAt;

    @Column(name = "next_cycle_at", nullable = false)
    private OffsetDateTime nextCycleAt;

    @Column(name = "backoff_until")
    private OffsetDateTime backoffUntil;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_error_at")
    private OffsetDateTime lastErrorAt;

    @Column(name = "last_batch_at")
    private OffsetDateTime lastBatchAt;

    @Column(name = "batches_sent", nullable = false)
    private long batchesSent;

    @Column(name = "accounts_reported", nullable = false)
    private long accountsReported;

    @Column(name = "accounts_closed", nullable = false)
    private long accountsClosed;

    @Column(name = "accounts_updated", nullable = false)
    private long accountsUpdated;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Reporting() {
    }

    public Reporting(String tenantId, Duration cycle, OffsetDateTime firstCycleAt, OffsetDateTime now) {
        this.tenantId = tenantId;
        this.cycleSeconds = cycle.toSeconds();
        this.nextCycleAt = firstCycleAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void configure(Mode mode, String baseUrl, String appKey, String dataKeyId, byte[] credentialEnc,
                          CredentialKind kind, String clientId, OnUpdated onUpdated, boolean enabled,
                          OffsetDateTime now) {
        this.mode = mode;
        this.baseUrl = baseUrl;
        this.appKey = appKey;
        this.dataKeyId = dataKeyId;
        if (credentialEnc != this.credentialEnc) {
            this.tokenExpiresAt = null;
        }
        this.credentialEnc = credentialEnc;
        this.credentialKind = kind;
        this.clientId = clientId;
        this.onUpdated = onUpdated;
        this.enabled = enabled;
        // New credentials deserve a new try at once.
        this.backoffUntil = null;
        this.failures = 0;
        this.updatedAt = now;
    }

    /** A new access token (and rotated refresh token) from the client's token endpoint, encrypted by the caller. */
    public void tokenBought(byte[] credentialEnc, OffsetDateTime expiresAt, OffsetDateTime now) {
        this.credentialEnc = credentialEnc;
        this.tokenExpiresAt = expiresAt;
        this.updatedAt = now;
    }

    /** Atlassian refused the access token (401): the next step buys another. */
    public void tokenRefused() {
        this.tokenExpiresAt = null;
    }

    public void startCycle(OffsetDateTime now) {
        cycleStartedAt = now;
        cursorSubject = null;
        updatedAt = now;
    }

    /**
     * The cycle walked every account: the next starts a whole cycle after this one ended, so that no account, not even
     * the last one reported, is reported again within the cycle.
     */
    public void endCycle(OffsetDateTime now, Duration jitter) {
        lastCycleStartedAt = cycleStartedAt;
        lastCycleEndedAt = now;
        nextCycleAt = now.plus(cycle()).plus(jitter);
        cycleStartedAt = null;
        cursorSubject = null;
        updatedAt = now;
    }

    public void answered(String lastSubject, int accounts, int closed, int updated, OffsetDateTime now) {
        cursorSubject = lastSubject;
        batchesSent++;
        accountsReported += accounts;
        accountsClosed += closed;
        accountsUpdated += updated;
        lastBatchAt = now;
        failures = 0;
        backoffUntil = null;
        updatedAt = now;
    }

    /** Skips accounts already reported within the cycle, without a call. */
    public void advance(String lastSubject, OffsetDateTime now) {
        cursorSubject = lastSubject;
        updatedAt = now;
    }

    /** A refusal or an outage: wait until {@code until}; {@code counts} says whether it was a failure (429 is not). */
    public void backOff(String error, OffsetDateTime until, boolean counts, OffsetDateTime now) {
        if (counts) {
            failures++;
        }
        backoffUntil = until;
        lastError = error;
        lastErrorAt = now;
        updatedAt = now;
    }

    public void cycle(Duration cycle) {
        cycleSeconds = cycle.toSeconds();
    }

    public String tenantId() {
        return tenantId;
    }

    public Mode mode() {
        return mode;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String appKey() {
        return appKey;
    }

    public String dataKeyId() {
        return dataKeyId;
    }

    public byte[] credentialEnc() {
        return credentialEnc;
    }

    public CredentialKind credentialKind() {
        return credentialKind;
    }

    public String clientId() {
        return clientId;
    }

    public OffsetDateTime tokenExpiresAt() {
        return tokenExpiresAt;
    }

    public OnUpdated onUpdated() {
        return onUpdated;
    }

    public boolean enabled() {
        return enabled;
    }

    public Duration cycle() {
        return Duration.ofSeconds(cycleSeconds);
    }

    public OffsetDateTime cycleStartedAt() {
        return cycleStartedAt;
    }

    public String cursorSubject() {
        return cursorSubject;
    }

    public OffsetDateTime lastCycleStartedAt() {
        return lastCycleStartedAt;
    }

    public OffsetDateTime lastCycleEndedAt() {
        return lastCycleEndedAt;
    }

    public OffsetDateTime nextCycleAt() {
        return nextCycleAt;
    }

    public OffsetDateTime backoffUntil() {
        return backoffUntil;
    }

    public int failures() {
        return failures;
    }

    public String lastError() {
        return lastError;
    }

    public OffsetDateTime lastErrorAt() {
        return lastErrorAt;
    }

    public OffsetDateTime lastBatchAt() {
        return lastBatchAt;
    }

    public long batchesSent() {
        return batchesSent;
    }

    public long accountsReported() {
        return accountsReported;
    }

    public long accountsClosed() {
        return accountsClosed;
    }

    public long accountsUpdated() {
        return accountsUpdated;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
