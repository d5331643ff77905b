package org.steward.retention.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One sweep on one instance: when it ran, what was due, what it erased and how long it took. */
@Entity
@Table(name = "retention_sweep_run")
public class SweepRun {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "instance_id", nullable = false)
    private String instanceId;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(name = "due", nullable = false)
    private long due;

    @Column(name = "subjects_erased", nullable = false)
    private long subjectsErased;

    @Column(name = "tenants_erased", nullable = false)
    private long tenantsErased;

    @Column(name = "records_erased", nullable = false)
    private long recordsErased;

    @Column(name = "outcome", nullable = false)
    private String outcome;

    protected SweepRun() {
    }

    @SuppressWarnings("java:S107")
    public SweepRun(String id, String instanceId, OffsetDateTime startedAt, long durationMs, long due,
                    long subjectsErased, long tenantsErased, long recordsErased, String outcome) {
        this.id = id;
        this.instanceId = instanceId;
        this.startedAt = startedAt;
        this.durationMs = durationMs;
        this.due = due;
        this.subjectsErased = subjectsErased;
        this.tenantsErased = tenantsErased;
        this.recordsErased = recordsErased;
        this.outcome = outcome;
    }

    public String id() {
        return id;
    }

    public String instanceId() {
        return instanceId;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public long durationMs() {
        return durationMs;
    }

    public long due() {
        return due;
    }

    public long subjectsErased() {
        return subjectsErased;
    }

    public long tenantsErased() {
        return tenantsErased;
    }

    public long recordsErased() {
        return recordsErased;
    }

    public String outcome() {
        return outcome;
    }
}
