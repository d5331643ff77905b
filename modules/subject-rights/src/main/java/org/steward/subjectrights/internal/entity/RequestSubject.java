package org.steward.subjectrights.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One subject a request is about (identity's ids; a pseudonym once the subject was erased). */
@Entity
@Table(name = "subject_rights_request_subject")
@IdClass(RequestSubject.Key.class)
public class RequestSubject {

    public static class Key implements Serializable {
        String requestId;
        String tenantId;
        String subjectId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(requestId, k.requestId) && Objects.equals(tenantId, k.tenantId)
                    && Objects.equals(subjectId, k.subjectId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, tenantId, subjectId);
        }
    }

    @Id
    @Column(name = "request_id", length = 36)
    private String requestId;

    @Id
    @Column(name = "tenant_id", length = 36)
    private String tenantId;

    @Id
    @Column(name = "subject_id", length = 64)
    private String subjectId;

    protected RequestSubject() {
    }

    public RequestSubject(String requestId, String tenantId, String subjectId) {
        this.requestId = requestId;
        this.tenantId = tenantId;
        this.subjectId = subjectId;
    }

    public String requestId() { return requestId; }
    public String tenantId() { return tenantId; }
    public String subjectId() { return subjectId; }
}
