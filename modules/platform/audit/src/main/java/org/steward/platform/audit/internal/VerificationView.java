package org.steward.platform.audit.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditVerification")
public record VerificationView(@Schema(required = true) boolean valid,
                               @Schema(required = true, description = "Entries verified intact before the first break") long checked,
                               @Schema(description = "Absent when the chain is valid") Broken firstBroken) {

    @Schema(name = "AuditBreak")
    public record Broken(@Schema(required = true, description = "The first entry that is missing, misplaced or altered") long seq,
                         @Schema(required = true) String reason) {
    }

    static VerificationView of(ChainCheck.Result r) {
        return new VerificationView(r.valid(), r.checked(),
                r.firstBroken() == null ? null : new Broken(r.firstBroken().seq(), r.firstBroken().reason()));
    }
}
