package org.steward.consent.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One version of the text shown for a purpose in one language. Immutable: a changed text is a new version. */
@Entity
@Table(name = "consent_notice")
public class Notice {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "purpose_key", nullable = false)
    private String purposeKey;

    @Column(name = "language", nullable = false)
    private String language;

    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "text", nullable = false)
    private String text;

    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Notice() {
    }

    public Notice(String id, String purposeKey, String language, int version, String text, String contentHash,
                  OffsetDateTime now) {
        this.id = id;
        this.purposeKey = purposeKey;
        this.language = language;
        this.version = version;
        this.text = text;
        this.contentHash = contentHash;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String purposeKey() {
        return purposeKey;
    }

    public String language() {
        return language;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public String contentHash() {
        return contentHash;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
