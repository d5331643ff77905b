package org.steward.platform.crypto.internal.rotation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The state of the server's keys: ids, counts and versions only, never key material. */
@Schema(name = "KeyStatus")
public record KeyStatus(MasterKeyState masterKey, BlindIndexState blindIndex) {

    @Schema(name = "MasterKeyStatus")
    public record MasterKeyState(
            @Schema(description = "Fingerprint of the current master key") String currentId,
            @Schema(description = "Fingerprints of previous master keys this server can still unwrap with",
                    type = SchemaType.ARRAY, implementation = String.class)
            List<String> previousIds,
            MasterKeyProgress rotation,
            @Schema(description = "Live data keys per master key fingerprint") Map<String, Long> dataKeys,
            @Schema(description = "Destroyed (crypto-shredded) data keys") long destroyedDataKeys,
            @Schema(description = "Server secrets per master key fingerprint") Map<String, Long> secrets) {
    }

    @Schema(name = "BlindIndexStatus")
    public record BlindIndexState(ReindexProgress rotation, List<Version> versions,
                                 @Schema(description = "Rows per key version, per table that stores blind indexes")
                                 Map<String, Map<String, Long>> rows) {
    }

    @Schema(name = "BlindIndexVersion")
    public record Version(int version,
                          @Schema(enumeration = {"current", "active", "retired"}) String state,
                          @Schema(format = "date-time") OffsetDateTime createdAt,
                          @Schema(format = "date-time") OffsetDateTime retiredAt) {
    }
}
