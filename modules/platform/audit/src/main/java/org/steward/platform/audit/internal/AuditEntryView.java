package org.steward.platform.audit.internal;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry", description = "One audit entry: ids, names and outcomes only, never personal data values")
public record AuditEntryView(@Schema(required = true, description = "Position in the chain, contiguous from 1") long seq,
                             @Schema(required = true, format = "date-time") OffsetDateTime at,
                             @Schema(required = true, description = "User id, API key id or token subject") String actor,
                             @Schema(required = true, description = "USER, API_KEY, TOKEN, SYSTEM or ANONYMOUS") String actorKind,
                             @Schema(required = true) String role,
                             @Schema(required = true, description = "Such as subject.rectify or access.denied") String action,
                             String targetType,
                             @Schema(description = "The target's id; for access.denied, the endpoint's method and path template") String targetId,
                             @Schema(required = true, description = "SUCCESS, FAILURE or DENIED") String outcome,
                             String correlationId,
                             @Schema(required = true, description = "SHA-256 (hex) of the previous entry") String prevHash,
                             @Schema(required = true, description = "SHA-256 (hex) of this entry's canonical content and prevHash") String hash) {

    static AuditEntryView of(AuditChain.Linked e) {
        AuditChain.Content c = e.content();
        return new AuditEntryView(c.seq(), c.at(), c.actor(), c.actorKind(), c.role(), c.action(), c.targetType(),
                c.targetId(), c.outcome(), c.correlationId(), e.prevHash(), e.hash());
    }
}
