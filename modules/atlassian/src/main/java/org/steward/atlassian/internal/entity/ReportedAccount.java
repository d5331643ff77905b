package org.steward.atlassian.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** When a subject's accountId was last reported, and Atlassian's answer (OK, CLOSED or UPDATED). */
@Entity
@Table(name = "atlassian_reported_account")
public class ReportedAccount {

    @Id
    @Column(name = "subject_id", length = 36)
    private String subjectId;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "reported_at", nullable = false)
    private OffsetDateTime reportedAt;

    @Column(name = "answer", nullable = false)
    private String answer;

    protected ReportedAccount() {
    }

    public ReportedAccount(String subjectId, String tenantId) {
        this.subjectId = subjectId;
        this.tenantId = tenantId;
    }

    public void reported(OffsetDateTime at, String answer) {
        this.reportedAt = at;
        this.answer = answer;
    }

    public String subjectId() {
        return subjectId;
    }

    public OffsetDateTime reportedAt() {
        return reportedAt;
    }

    public String answer() {
        return answer;
    }
}
