package org.steward.platform.crypto.internal.rotation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far a blind-index rotation has come. */
@Schema(name = "BlindIndexRotation")
public record ReindexProgress(
        @Schema(description = "running (rows left on older versions), retiring (none left; older versions are"
                + " retired after the grace period) or complete", enumeration = {"running", "retiring", "complete"})
        String state,
        @Schema(description = "The key version that indexes writes") int currentVersion,
        @Schema(description = "Versions still searched, current first", type = SchemaType.ARRAY,
                implementation = Integer.class) List<Integer> activeVersions,
        @Schema(description = "Rows still indexed under an older version") long remaining) {
}
