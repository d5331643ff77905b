package org.steward.sharing.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PropagationPage")
public record PropagationPage(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = PropagationView.class)
        List<PropagationView> items,
        String nextCursor) {
}
