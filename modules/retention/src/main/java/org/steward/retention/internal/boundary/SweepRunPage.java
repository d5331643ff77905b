package org.steward.retention.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SweepRunPage")
public record SweepRunPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = SweepRunView.class) List<SweepRunView> items, String nextCursor) {
}
