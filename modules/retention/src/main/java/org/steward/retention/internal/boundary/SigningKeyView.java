package org.steward.retention.internal.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ErasureSigningKey", description = "A public key that verifies erasure certificates (X.509 SubjectPublicKeyInfo, base64)")
public record SigningKeyView(@Schema(required = true) String keyId, @Schema(required = true) String algorithm,
                             @Schema(required = true) String publicKey) {
}
