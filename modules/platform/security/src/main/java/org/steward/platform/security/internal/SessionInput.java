package org.steward.platform.security.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SessionInput", description = "A console sign-in with a Steward user's name and password")
public record SessionInput(
        @Schema(required = true, maxLength = 64) @NotBlank @Size(max = 64) String username,
        @Schema(required = true, writeOnly = true, maxLength = 200) @NotBlank @Size(max = 200) String password) {
}
