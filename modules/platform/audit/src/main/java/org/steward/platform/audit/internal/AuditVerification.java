package org.steward.platform.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One run of "verify chain": when, by whom (an id), and what it found. */
@Entity
@Table(name = "platform_audit_verification")
public class AuditVerification {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "verified_at", nullable = false)
    private OffsetDateTime verifiedAt;

    @Column(name = "actor", nullable = false)
    private String actor;

    @Column(name = "valid", nullable = false)
    private boolean valid;

    @Column(name = "checked", nullable = false)
    private long checked;

    @Column(name = "first_broken_seq")
    private Long firstBrokenSeq;

    @Column(name = "first_broken_why")
    private String firstBrokenWhy;

    protected AuditVerification() {
    }

    AuditVerification(String id, OffsetDateTime verifiedAt, String actor, ChainCheck.Result result) {
        this.id = id;
        this.verifiedAt = verifiedAt;
        this.actor = actor;
        this.valid = result.valid();
        this.checked = result.checked();
        if (result.firstBroken() != null) {
            this.firstBrokenSeq = result.firstBroken().seq();
            String why = result.firstBroken().reason();
            this.firstBrokenWhy = why.length() > 200 ? why.substring(0, 200) : why;
        }
    }

    OffsetDateTime verifiedAt() {
        return verifiedAt;
    }

    String actor() {
        return actor;
    }

    boolean valid() {
        return valid;
    }

    long checked() {
        return checked;
    }

    Long firstBrokenSeq() {
        return firstBrokenSeq;
    }

    String firstBrokenWhy() {
        return firstBrokenWhy;
    }
}
