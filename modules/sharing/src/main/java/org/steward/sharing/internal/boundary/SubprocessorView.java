package org.steward.sharing.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.sharing.internal.entity.Subprocessor;

@Schema(name = "Subprocessor", description = "A recipient of personal data (policy §11). The connector is shown to"
        + " staff only")
public record SubprocessorView(
        @Schema(required = true, format = "uuid") String id,
        @Schema(required = true) String name,
        @Schema(required = true, enumeration = {"INFRASTRUCTURE", "PRODUCTIVITY", "SUPPORT", "MARKETING_ANALYTICS"})
        String category,
        @Schema(required = true) String purpose,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class) List<String> dataCategories,
        @Schema(type = SchemaType.ARRAY, implementation = String.class,
                description = "A widening under notice: what it will receive from pendingUntil")
        List<String> pendingCategories,
        @Schema(format = "date-time") OffsetDateTime pendingUntil,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class) List<String> countries,
        @Schema(required = true, enumeration = {"NONE_REQUIRED", "ADEQUACY_DECISION", "STANDARD_CONTRACTUAL_CLAUSES",
                "BINDING_CORPORATE_RULES"}) String transferMechanism,
        String dpaReference,
        @Schema(required = true, enumeration = {"PROPOSED", "ACTIVE", "RETIRED"}) String status,
        @Schema(required = true, format = "date-time", description = "When it became (or becomes) active")
        OffsetDateTime effectiveAt,
        @Schema(format = "date-time") OffsetDateTime retiredAt,
        String retireReason,
        @Schema(implementation = ConnectorView.class) ConnectorView connector) {

    static SubprocessorView of(Subprocessor s, boolean staff) {
        return of(s, staff ? ConnectorView.of(s, null) : null);
    }

    static SubprocessorView of(Subprocessor s, ConnectorView connector) {
        List<String> pending = s.pendingUntil() == null ? null : List.copyOf(s.pendingCategories());
        return new SubprocessorView(s.id(), s.name(), s.category().name(), s.purpose(), List.copyOf(s.dataCategories()),
                pending, s.pendingUntil(), s.countries(), s.transferMechanism().name(), s.dpaReference(),
                s.status().name(), s.effectiveAt(), s.retiredAt(), s.retireReason(), connector);
    }

    @Schema(name = "SubprocessorConnector")
    public record ConnectorView(
            @Schema(required = true, enumeration = {"MANUAL", "WEBHOOK", "OPENDSR"}) String type,
            String url,
            @Schema(required = true) boolean hasSecret,
            @Schema(required = true) boolean hasCertificate,
            @Schema(required = true) int dueDays,
            @Schema(description = "WEBHOOK: the new signing secret, answered only when the connector is set")
            String secret) {

        static ConnectorView of(Subprocessor s, String secret) {
            return new ConnectorView(s.connector().name(), s.endpointUrl(), s.secretEnc() != null,
                    s.certificatePem() != null, s.manualDueDays(), secret);
        }
    }
}
