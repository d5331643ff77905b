package org.steward.sharing.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DisclosurePage")
public record DisclosurePage(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = DisclosureView.class)
        List<DisclosureView> items,
        String nextCursor) {
}
