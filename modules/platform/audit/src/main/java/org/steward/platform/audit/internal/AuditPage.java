package org.steward.platform.audit.internal;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditPage")
public record AuditPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = AuditEntryView.class) List<AuditEntryView> items,
                        @Schema(description = "Absent on the last page.") String nextCursor) {
}
