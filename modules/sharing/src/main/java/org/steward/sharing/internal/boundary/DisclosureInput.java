package org.steward.sharing.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.sharing.internal.control.Report;

@Schema(name = "DisclosureInput", description = "A disclosure of personal data to a recipient: of one subject, or of"
        + " the tenant's data in bulk (no subjectId). clientId makes the report idempotent within the tenant")
public record DisclosureInput(
        @Schema(required = true, maxLength = 200, description = "The client's own id of this disclosure")
        @NotBlank @Size(max = 200) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without"
                + " spaces") String clientId,
        @Schema(required = true, format = "uuid") @NotNull @Size(max = 36) String tenantId,
        @Schema(format = "uuid", description = "The subject; absent for a bulk disclosure of the tenant's data")
        @Size(max = 36) String subjectId,
        @Schema(required = true, maxLength = 200, description = "The subprocessor's id or name")
        @NotBlank @Size(max = 200) String recipient,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class,
                description = "Keys of the data categories disclosed")
        @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 64) String> categories,
        @Schema(required = true, maxLength = 64, description = "The purpose's key (consent's register)")
        @NotBlank @Size(max = 64) String purpose,
        @Schema(enumeration = {"GDPR", "CCPA"}, description = "Where the subject is, for the consent decision"
                + " (default: the configured one, GDPR)")
        @Pattern(regexp = "GDPR|CCPA", message = "must be GDPR or CCPA") String jurisdiction,
        @Schema(format = "date-time", description = "When it was disclosed (default: now)") OffsetDateTime occurredAt) {

    Report report() {
        return new Report(clientId, tenantId, subjectId, recipient, categories, purpose, jurisdiction, occurredAt);
    }
}
