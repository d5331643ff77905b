package org.steward.platform.security.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.platform.security.api.Role;

@Schema(name = "ApiKeyInput")
public record ApiKeyInput(
        @Schema(required = true, maxLength = 100, example = "jira-cloud-sync") @NotBlank @Size(max = 100) String name,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Role.class) List<String> roles,
        @Schema(format = "uuid", description = "Required with SERVICE: the tenant the client may act for") String tenantId,
        @Schema(format = "date-time", description = "Optional; the key stops working then") OffsetDateTime expiresAt) {
}
