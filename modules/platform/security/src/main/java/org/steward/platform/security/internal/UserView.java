package org.steward.platform.security.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.platform.security.api.Role;

@Schema(name = "User")
public record UserView(@Schema(required = true, format = "uuid") String id,
                       @Schema(required = true) String username,
                       @Schema(required = true, type = SchemaType.ARRAY, implementation = Role.class) List<Role> roles,
                       @Schema(format = "uuid") String tenantId,
                       @Schema(required = true) boolean enabled,
                       @Schema(required = true, format = "date-time") OffsetDateTime createdAt) {

    static UserView of(User u) {
        return new UserView(u.id(), u.username(), u.roles().stream().sorted().toList(), u.tenantId(), u.enabled(),
                u.createdAt());
    }
}
