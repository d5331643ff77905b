package org.steward.retention.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ErasurePage")
public record ErasurePage(@Schema(required = true, type = SchemaType.ARRAY, implementation = ErasureView.class) List<ErasureView> items, String nextCursor) {
}
