package org.steward.sharing.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DisclosureCheck", description = "The answer before sharing: allowed (a refusal is the problem that"
        + " POST /api/v1/disclosures would answer). Nothing is recorded")
public record CheckView(@Schema(required = true) boolean allowed,
                        @Schema(required = true, format = "uuid") String recipientId,
                        @Schema(required = true) String recipientName,
                        @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class)
                        List<String> categories,
                        @Schema(required = true) String purpose,
                        @Schema(required = true) String legalBasis) {
}
