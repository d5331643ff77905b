package org.steward.subjectrights.internal.boundary;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExtensionInput", description = "A later due date within the law's limit, and the reason told to the"
        + " subject")
public record ExtensionInput(LocalDate newDueOn, @Size(max = 2000) String reason) {
}
