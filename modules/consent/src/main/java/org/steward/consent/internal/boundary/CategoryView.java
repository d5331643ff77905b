package org.steward.consent.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.internal.entity.DataCategory;

@Schema(name = "DataCategory")
public record CategoryView(@Schema(required = true) String key,
                           @Schema(required = true) String name,
                           @Schema(required = true) String description,
                           @Schema(required = true) String dataSubjects,
                           @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                           @Schema(format = "date-time") OffsetDateTime updatedAt,
                           @Schema(required = true, description = "Retired: no purpose may take it on") boolean retired,
                           @Schema(format = "date-time") OffsetDateTime retiredAt,
                           String retirementReason) {

    static CategoryView of(DataCategory c) {
        return new CategoryView(c.key(), c.name(), c.description(), c.dataSubjects(), c.createdAt(), c.updatedAt(),
                c.retired(), c.retiredAt(), c.retirementReason());
    }

    @Schema(name = "DataCategoryList")
    public record Items(@Schema(required = true, type = SchemaType.ARRAY, implementation = CategoryView.class)
                        List<CategoryView> items) {
    }
}
