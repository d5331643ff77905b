package org.steward.identity.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubjectPage")
public record SubjectPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = SubjectView.class) List<SubjectView> items,
                          @Schema(description = "Absent on the last page.") String nextCursor) {
}
