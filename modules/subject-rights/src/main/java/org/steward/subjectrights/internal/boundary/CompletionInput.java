package org.steward.subjectrights.internal.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CompletionInput", description = "The answer to the subject (required for a COMPLAINT);"
        + " partial: true when the request was complied with only in part")
public record CompletionInput(@Size(max = 8000) String response, Boolean partial) {
}
