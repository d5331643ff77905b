package org.steward.platform.security.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.platform.security.api.Role;

@Schema(name = "ApiKey", description = "A key's metadata. The key itself is in `key` only in the answer that creates it.")
public record ApiKeyView(@Schema(required = true, format = "uuid") String id,
                         @Schema(required = true) String name,
                         @Schema(required = true, type = SchemaType.ARRAY, implementation = Role.class) List<Role> roles,
                         @Schema(format = "uuid") String tenantId,
                         @Schema(format = "date-time") OffsetDateTime expiresAt,
                         @Schema(format = "date-time") OffsetDateTime revokedAt,
                         @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                         @Schema(description = "Send it in the X-API-Key header. Shown once.") String key) {

    static ApiKeyView of(ApiKey k, String plaintext) {
        return new ApiKeyView(k.id(), k.name(), k.roles().stream().sorted().toList(), k.tenantId(), k.expiresAt(),
                k.revokedAt(), k.createdAt(), plaintext);
    }
}
