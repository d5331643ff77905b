package org.steward.platform.crypto.internal.rotation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far a master-key rotation has come. */
@Schema(name = "MasterKeyRotation")
public record MasterKeyProgress(
        @Schema(description = "running (re-wrapping on this instance), pending (rows left but nothing running:"
                + " POST again to resume) or complete", enumeration = {"running", "pending", "complete"})
        String state,
        @Schema(description = "Fingerprint of the current master key") String currentKekId,
        @Schema(description = "Data keys and secrets still wrapped under a previous master key") long remaining,
        @Schema(description = "Rows this instance has re-wrapped since it started") long rewrapped) {
}
