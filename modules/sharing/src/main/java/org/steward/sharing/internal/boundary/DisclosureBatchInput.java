package org.steward.sharing.internal.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DisclosureBatchInput", description = "Up to 500 disclosures, recorded all or none")
public record DisclosureBatchInput(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = DisclosureInput.class)
        @NotNull @Size(min = 1, max = 500) @Valid List<DisclosureInput> items) {
}
