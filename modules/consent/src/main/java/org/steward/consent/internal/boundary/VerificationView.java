package org.steward.consent.internal.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReceiptVerification")
public record VerificationView(@Schema(required = true) boolean valid, String keyId, String reason) {
}
