package org.steward.sharing.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.sharing.internal.entity.Propagation;
import org.steward.sharing.internal.entity.Subprocessor;

@Schema(name = "Propagation", description = "Telling one recipient that a subject was erased, corrected or"
        + " restricted (GDPR Art. 17(2), 19); open until confirmed or waived")
public record PropagationView(
        @Schema(required = true, format = "uuid") String id,
        @Schema(required = true, enumeration = {"ERASURE", "RECTIFICATION", "RESTRICTION", "RESTRICTION_LIFTED"})
        String kind,
        @Schema(required = true, description = "What caused it: the erasure's id, or the change's") String causeRef,
        @Schema(required = true, format = "uuid") String tenantId,
        @Schema(format = "uuid", description = "Absent once the subject is erased") String subjectId,
        @Schema(required = true, format = "uuid") String recipientId,
        @Schema(required = true) String recipientName,
        @Schema(required = true, enumeration = {"MANUAL", "WEBHOOK", "OPENDSR"}) String connector,
        @Schema(required = true, enumeration = {"PENDING", "FAILING", "SENT", "CONFIRMED", "WAIVED"}) String state,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class) List<String> categories,
        @Schema(required = true, format = "date-time") OffsetDateTime dueAt,
        @Schema(required = true) boolean overdue,
        @Schema(required = true) int attempts,
        String lastError,
        @Schema(format = "date-time") OffsetDateTime sentAt,
        @Schema(format = "date-time") OffsetDateTime closedAt,
        String closedBy,
        String closeNote,
        @Schema(required = true, format = "date-time") OffsetDateTime createdAt) {

    static PropagationView of(Propagation p, Subprocessor r, OffsetDateTime now) {
        return new PropagationView(p.id(), p.kind().name(), p.causeRef(), p.tenantId(), p.subjectId(), p.recipientId(),
                r == null ? p.recipientId() : r.name(), p.connector().name(), p.state().name(),
                List.of(p.categories().split(",")), p.dueAt(), !p.state().closed() && p.dueAt().isBefore(now),
                p.attempts(), p.lastError(), p.sentAt(), p.closedAt(), p.closedBy(), p.closeNote(), p.createdAt());
    }
}
