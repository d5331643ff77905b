package org.steward.platform.security.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.platform.security.api.Role;

@Schema(name = "Session", description = "A console session. The session token itself is only in the HttpOnly cookie")
public record SessionView(
        @Schema(required = true, description = "Send as X-CSRF-Token with every request of this session; shown once")
        String csrfToken,
        @Schema(required = true) String userId,
        @Schema(required = true) String username,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Role.class) List<Role> roles,
        @Schema(required = true, description = "The latest end; idling ends it sooner") OffsetDateTime expiresAt) {
}
