package org.steward.sharing.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DisclosureBatch")
public record DisclosureBatchView(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = DisclosureView.class)
        List<DisclosureView> items) {
}
