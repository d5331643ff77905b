package org.steward.retention.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LegalHoldPage")
public record HoldPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = HoldView.class) List<HoldView> items, String nextCursor) {
}
