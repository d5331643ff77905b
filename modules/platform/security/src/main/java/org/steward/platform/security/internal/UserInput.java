package org.steward.platform.security.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.platform.security.api.Role;

@Schema(name = "UserInput")
public record UserInput(
        @Schema(required = true, maxLength = 64, pattern = "^[A-Za-z0-9._@-]{3,64}$")
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}", message = "must be 3 to 64 of A-Z a-z 0-9 . _ @ -")
        String username,
        @Schema(required = true, writeOnly = true, minLength = 12, maxLength = 200)
        @NotBlank @Size(min = 12, max = 200) String password,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Role.class) List<String> roles,
        @Schema(format = "uuid", description = "Binds the user to one tenant; required with SERVICE") String tenantId) {
}
