package org.steward.consent.internal.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NoticeInput")
public record NoticeInput(@Schema(required = true, maxLength = 20000) @NotBlank @Size(max = 20000) String text) {
}
