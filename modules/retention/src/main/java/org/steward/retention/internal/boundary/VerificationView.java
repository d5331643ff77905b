package org.steward.retention.internal.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ErasureCertificateVerification")
public record VerificationView(@Schema(required = true) boolean valid, String keyId,
                               @Schema(required = true) String detail) {
}
