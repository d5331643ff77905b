package org.steward.consent.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.internal.entity.Notice;

@Schema(name = "Notice")
public record NoticeView(@Schema(required = true, format = "uuid") String id,
                         @Schema(required = true) String purpose,
                         @Schema(required = true) String language,
                         @Schema(required = true) int version,
                         @Schema(required = true, description = "SHA-256 of the UTF-8 text, hex") String contentHash,
                         @Schema(required = true) String text,
                         @Schema(required = true, format = "date-time") OffsetDateTime createdAt) {

    static NoticeView of(Notice n) {
        return new NoticeView(n.id(), n.purposeKey(), n.language(), n.version(), n.contentHash(), n.text(),
                n.createdAt());
    }

    @Schema(name = "NoticeList")
    public record Items(@Schema(required = true, type = SchemaType.ARRAY, implementation = NoticeView.class)
                        List<NoticeView> items) {
    }
}
