package org.steward.consent.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A category of personal data (policy §4), named by a stable key that purposes and retention policies refer to. Its
 * texts may be edited; a retired category stays (purposes, records and policies of the past name it) but no purpose
 * may take it on.
 */
@Entity
@Table(name = "consent_data_category")
public class DataCategory {

    @Id
    @Column(name = "category_key", length = 64)
    private String key;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "data_subjects", nullable = false)
    private String dataSubjects;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    @Column(name = "retirement_reason", length = 500)
    private String retirementReason;

    protected DataCategory() {
    }

    public DataCategory(String key, String name, String description, String dataSubjects, OffsetDateTime now) {
        this.key = key;
        this.name = name;
        this.description = description;
        this.dataSubjects = dataSubjects;
        this.createdAt = now;
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String dataSubjects() {
        return dataSubjects;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime retiredAt() {
        return retiredAt;
    }

    public String retirementReason() {
        return retirementReason;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public void change(String name, String description, String dataSubjects, OffsetDateTime now) {
        this.name = name;
        this.description = description;
        this.dataSubjects = dataSubjects;
        this.updatedAt = now;
    }

    /** Once: a second retirement keeps the first one's time and reason. */
    public boolean retire(String reason, OffsetDateTime now) {
        if (retiredAt != null) {
            return false;
        }
        this.retiredAt = now;
        this.retirementReason = reason;
        this.updatedAt = now;
        return true;
    }
}
