package org.steward.identity.internal.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SyncProfileInput", description = "A synchronization configuration profile (policy §4b).")
public record SyncProfileInput(
        @Schema(required = true, maxLength = 200, description = "Special-category data is refused.") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Source status to target status; at most 200 entries. Special-category data is refused.")
        @Size(max = 200) Map<@NotBlank @Size(max = 200) String, @NotBlank @Size(max = 200) String> statusMappings,
        @Schema(description = "At most 200 issue types. Special-category data is refused.", type = SchemaType.ARRAY, implementation = String.class) @Size(max = 200) List<@NotBlank @Size(max = 200) String> issueTypes,
        @Schema(description = "Field name to value; names and values are free text and refuse special-category data.")
        @Size(max = 200) Map<@NotBlank @Size(max = 200) String, @Size(max = 2000) String> fieldValues,
        @Schema(description = "Source user email to target user email.")
        @Size(max = 500) Map<@NotBlank @Email @Size(max = 254) String, @NotBlank @Email @Size(max = 254) String> userEmailMappings,
        @Schema(format = "date-time") @PastOrPresent OffsetDateTime obtainedAt) {
}
