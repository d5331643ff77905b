package org.steward.identity.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TenantPage")
public record TenantPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = TenantView.class) List<TenantView> items,
                         @Schema(description = "Absent on the last page.") String nextCursor) {
}
