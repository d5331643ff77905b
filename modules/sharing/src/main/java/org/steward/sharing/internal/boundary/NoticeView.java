package org.steward.sharing.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.sharing.internal.entity.ChangeNotice;
import org.steward.sharing.internal.entity.Subprocessor;

@Schema(name = "SubprocessorNotice", description = "A change of the subprocessor register. ADDED and WIDENED open an"
        + " objection window and take effect when it ends")
public record NoticeView(
        @Schema(required = true, format = "uuid") String id,
        @Schema(required = true, enumeration = {"ADDED", "WIDENED", "CHANGED", "RETIRED"}) String kind,
        @Schema(required = true, format = "uuid") String subprocessorId,
        @Schema(required = true) String subprocessorName,
        @Schema(required = true) String summary,
        @Schema(type = SchemaType.ARRAY, implementation = String.class) List<String> categoriesAdded,
        @Schema(required = true, format = "date-time") OffsetDateTime publishedAt,
        @Schema(format = "date-time", description = "Objections are accepted until then") OffsetDateTime objectionUntil,
        @Schema(required = true, format = "date-time") OffsetDateTime effectiveAt,
        @Schema(required = true) boolean applied,
        @Schema(description = "Staff only: how many tenants objected") Long objections) {

    static NoticeView of(ChangeNotice n, Subprocessor s, Long objections) {
        return new NoticeView(n.id(), n.kind().name(), n.subprocessorId(), s == null ? "" : s.name(), n.summary(),
                n.categoriesAdded() == null ? null : List.of(n.categoriesAdded().split(",")), n.publishedAt(),
                n.objectionUntil(), n.effectiveAt(), n.appliedAt() != null, objections);
    }
}
