package org.steward.consent.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A category of personal data (policy §4), named by a stable key that purposes refer to. */
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
}
