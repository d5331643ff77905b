package org.steward.consent.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.consent.internal.control.ConsentImport;

@Schema(name = "ConsentImportReport")
public record ImportReportView(@Schema(required = true) int lines,
                               @Schema(required = true) int imported,
                               @Schema(required = true, description = "Lines already imported before: skipped")
                               int duplicates,
                               @Schema(required = true) int failed,
                               @Schema(required = true, type = SchemaType.ARRAY, implementation = LineError.class)
                               List<LineError> errors) {

    @Schema(name = "ConsentImportLineError")
    public record LineError(@Schema(required = true) int line, @Schema(required = true) String field,
                            @Schema(required = true) String message) {
    }

    static ImportReportView of(ConsentImport.Report r) {
        return new ImportReportView(r.lines(), r.imported(), r.duplicates(), r.errors().size(),
                r.errors().stream().map(e -> new LineError(e.line(), e.field(), e.message())).toList());
    }
}
