package org.steward.platform.security.internal;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.platform.security.api.Role;

@Schema(name = "UserUpdate", description = "Fields given are changed; roles and tenantId are changed together.")
public record UserUpdate(
        @Schema(writeOnly = true, minLength = 12, maxLength = 200) @Size(min = 12, max = 200) String password,
        @Schema(type = SchemaType.ARRAY, implementation = Role.class) List<String> roles,
        @Schema(format = "uuid") String tenantId,
        Boolean enabled) {
}
