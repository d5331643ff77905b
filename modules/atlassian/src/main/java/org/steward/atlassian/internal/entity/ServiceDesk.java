package org.steward.atlassian.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A connected JSM service desk: its site, credential, request-type map, and where its poll stands. */
@Entity
@Table(name = "atlassian_service_desk")
public class ServiceDesk {

    /** BASIC: an Atlassian account's email and API token; BEARER: an OAuth 2.0 access token. */
    public enum Auth { BASIC, BEARER }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "site_url", nullable = false)
    private String siteUrl;

    @Column(name = "service_desk_id", nullable = false)
    private String serviceDeskId;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth", nullable = false)
    private Auth auth;

    @Column(name = "data_key_id", nullable = false)
    private String dataKeyId;

    @Column(name = "credential_enc", nullable = false)
    private byte[] credentialEnc;

    @Column(name = "webhook_enc", nullable = false)
    private byte[] webhookEnc;

    @Column(name = "request_types", nullable = false)
    private String requestTypes;

    @Column(name = "jurisdiction", nullable = false)
    private String jurisdiction;

    @Column(name = "transition", nullable = false)
    private String transition;

    @Column(name = "poll", nullable = false)
    private boolean poll;

    @Column(name = "poll_cursor")
    private Long pollCursor;

    @Column(name = "next_poll_at", nullable = false)
    private OffsetDateTime nextPollAt;

    @Column(name = "last_poll_at")
    private OffsetDateTime lastPollAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_error_at")
    private OffsetDateTime lastErrorAt;

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

    protected ServiceDesk() {
    }

    public ServiceDesk(String id, String dataKeyId, byte[] webhookEnc, OffsetDateTime now) {
        this.id = id;
        this.dataKeyId = dataKeyId;
        this.webhookEnc = webhookEnc;
        this.nextPollAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void configure(String name, String siteUrl, String serviceDeskId, Auth auth, byte[] credentialEnc,
                          String requestTypes, String jurisdiction, String transition, boolean poll,
                          OffsetDateTime now) {
        this.name = name;
        this.siteUrl = siteUrl;
        this.serviceDeskId = serviceDeskId;
        this.auth = auth;
        this.credentialEnc = credentialEnc;
        this.requestTypes = requestTypes;
        this.jurisdiction = jurisdiction;
        this.transition = transition;
        this.poll = poll;
        this.nextPollAt = now;
        this.updatedAt = now;
    }

    public void polled(Long cursor, OffsetDateTime now, OffsetDateTime next) {
        this.pollCursor = cursor;
        this.lastPollAt = now;
        this.nextPollAt = next;
        this.lastError = null;
        this.updatedAt = now;
    }

    public void failed(String error, OffsetDateTime now, OffsetDateTime next) {
        this.lastError = error;
        this.lastErrorAt = now;
        this.nextPollAt = next;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String siteUrl() {
        return siteUrl;
    }

    public String serviceDeskId() {
        return serviceDeskId;
    }

    public Auth auth() {
        return auth;
    }

    public String dataKeyId() {
        return dataKeyId;
    }

    public byte[] credentialEnc() {
        return credentialEnc;
    }

    public byte[] webhookEnc() {
        return webhookEnc;
    }

    public String requestTypes() {
        return requestTypes;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public String transition() {
        return transition;
    }

    public boolean poll() {
        return poll;
    }

    public Long pollCursor() {
        return pollCursor;
    }

    public OffsetDateTime nextPollAt() {
        return nextPollAt;
    }

    public OffsetDateTime lastPollAt() {
        return lastPollAt;
    }

    public String lastError() {
        return lastError;
    }

    public OffsetDateTime lastErrorAt() {
        return lastErrorAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
