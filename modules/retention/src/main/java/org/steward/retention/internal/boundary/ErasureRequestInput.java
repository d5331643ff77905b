package org.steward.retention.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ErasureRequestInput", description = "A data subject's request to be erased (GDPR Art. 17, policy §9).")
public record ErasureRequestInput(
        @Schema(required = true, maxLength = 200, description = "The request's reference, e.g. the help-centre ticket key. Not personal data.")
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must be one line") String reference) {
}
