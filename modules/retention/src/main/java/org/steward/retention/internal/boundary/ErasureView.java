package org.steward.retention.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.retention.internal.entity.Erasure;

@Schema(name = "Erasure", description = "A queued or completed erasure. Ids, never personal data.")
public record ErasureView(@Schema(required = true, format = "uuid") String id,
                          @Schema(required = true, enumeration = {"SUBJECT", "TENANT", "DEVICE", "CATEGORY"}) String scope,
                          @Schema(required = true, enumeration = {"LICENCE_EXPIRY", "LICENCE_TERMINATION", "SUBJECT_REQUEST", "MINOR", "POLICY", "ATLASSIAN_ACCOUNT_CLOSED"}) String trigger,
                          @Schema(required = true, enumeration = {"PENDING", "DONE"}) String status,
                          @Schema(format = "uuid") String tenantId,
                          @Schema(format = "uuid") String subjectId,
                          @Schema(description = "DEVICE: the visitor's pseudonymous device id") String deviceId,
                          String categoryKey,
                          @Schema(required = true) String reason,
                          String reference,
                          @Schema(format = "uuid", description = "The tenant erasure this subject erasure belongs to") String parentId,
                          @Schema(format = "uuid", description = "The legal hold that suspends it") String heldBy,
                          @Schema(required = true, format = "date-time") OffsetDateTime dueAt,
                          @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                          @Schema(format = "date-time") OffsetDateTime completedAt,
                          Long recordsErased) {

    static ErasureView of(Erasure e) {
        return new ErasureView(e.id(), e.scope().name(), e.trigger().name(), e.status().name(), e.tenantId(),
                e.subjectId(), e.deviceId(), e.categoryKey(), e.reason(), e.reference(), e.parentId(), e.heldBy(),
                e.dueAt(), e.createdAt(), e.completedAt(), e.recordsErased());
    }
}
