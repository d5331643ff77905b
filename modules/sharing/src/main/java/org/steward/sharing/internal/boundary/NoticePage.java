package org.steward.sharing.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubprocessorNoticePage")
public record NoticePage(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = NoticeView.class) List<NoticeView> items,
        String nextCursor) {
}
