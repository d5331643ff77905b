package org.steward.identity.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TenantPage")
public record TenantPage(@Schema(required = true) List<TenantView> items,
                         @Schema(description = "Absent on the last page.") String nextCursor) {
}
