package org.steward.retention.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.steward.platform.kernel.api.erasure.PolicyKind;

/** How long one data category is kept: a trigger and a period in days. */
@Entity
@Table(name = "retention_policy")
public class RetentionPolicy {

    public enum Trigger {
        LICENCE_EXPIRY(null), PURPOSE_FULFILLED(PolicyKind.PURPOSE_FULFILLED), INACTIVITY(PolicyKind.INACTIVITY),
        FIXED(PolicyKind.FIXED);

        private final PolicyKind sweptAs;

        Trigger(PolicyKind sweptAs) {
            this.sweptAs = sweptAs;
        }

        /** How the sweep makes a category's records due; none for LICENCE_EXPIRY (erased with the tenant). */
        public Optional<PolicyKind> sweptAs() {
            return Optional.ofNullable(sweptAs);
        }
    }

    @Id
    @Column(name = "category_key", length = 64)
    private String categoryKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    private Trigger trigger;

    @Column(name = "period_days", nullable = false)
    private int periodDays;

    @Column(name = "rationale", nullable = false)
    private String rationale;

    @Column(name = "swept_at")
    private OffsetDateTime sweptAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RetentionPolicy() {
    }

    public RetentionPolicy(String categoryKey, Trigger trigger, int periodDays, String rationale, OffsetDateTime now) {
        this.categoryKey = categoryKey;
        this.trigger = trigger;
        this.periodDays = periodDays;
        this.rationale = rationale;
        this.updatedAt = now;
    }

    public String categoryKey() {
        return categoryKey;
    }

    public Trigger trigger() {
        return trigger;
    }

    public int periodDays() {
        return periodDays;
    }

    public String rationale() {
        return rationale;
    }

    public OffsetDateTime sweptAt() {
        return sweptAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public void change(Trigger trigger, int periodDays, String rationale, OffsetDateTime now) {
        this.trigger = trigger;
        this.periodDays = periodDays;
        if (rationale != null) {
            this.rationale = rationale;
        }
        this.updatedAt = now;
    }
}
