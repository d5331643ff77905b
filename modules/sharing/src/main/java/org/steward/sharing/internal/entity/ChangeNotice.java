package org.steward.sharing.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A change of the register, as announced: public (the feed), sent to every subscribed tenant once. An ADDED or
 * WIDENED notice opens an objection window and its change takes effect only when the window ends.
 */
@Entity
@Table(name = "sharing_notice")
public class ChangeNotice {

    public enum Kind { ADDED, WIDENED, CHANGED, RETIRED }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "subprocessor_id", nullable = false)
    private String subprocessorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Kind kind;

    @Column(name = "summary", nullable = false)
    private String summary;

    @Column(name = "categories_added")
    private String categoriesAdded;

    @Column(name = "published_at", nullable = false)
    private OffsetDateTime publishedAt;

    @Column(name = "objection_until")
    private OffsetDateTime objectionUntil;

    @Column(name = "effective_at", nullable = false)
    private OffsetDateTime effectiveAt;

    @Column(name = "applied_at")
    private OffsetDateTime appliedAt;

    protected ChangeNotice() {
    }

    public ChangeNotice(String id, String subprocessorId, Kind kind, String summary, String categoriesAdded,
                  OffsetDateTime publishedAt, OffsetDateTime objectionUntil) {
        this.id = id;
        this.subprocessorId = subprocessorId;
        this.kind = kind;
        this.summary = summary;
        this.categoriesAdded = categoriesAdded;
        this.publishedAt = publishedAt;
        this.objectionUntil = objectionUntil;
        this.effectiveAt = objectionUntil == null ? publishedAt : objectionUntil;
        this.appliedAt = objectionUntil == null ? publishedAt : null;
    }

    public String id() {
        return id;
    }

    public String subprocessorId() {
        return subprocessorId;
    }

    public Kind kind() {
        return kind;
    }

    public String summary() {
        return summary;
    }

    public String categoriesAdded() {
        return categoriesAdded;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public OffsetDateTime objectionUntil() {
        return objectionUntil;
    }

    public OffsetDateTime effectiveAt() {
        return effectiveAt;
    }

    public OffsetDateTime appliedAt() {
        return appliedAt;
    }

    /** Whether an objection may still be made at {@code now}: the window is open until its end, exclusive. */
    public boolean open(OffsetDateTime now) {
        return objectionUntil != null && now.isBefore(objectionUntil);
    }
}
