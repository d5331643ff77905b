package org.steward.subjectrights.internal.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.subjectrights.api.DenialBasis;

@Schema(name = "DenialInput", description = "Why a request is refused: a ground the request's law allows, and"
        + " words for the subject (both required)")
public record DenialInput(DenialBasis basis, @Size(max = 4000) String text) {
}
