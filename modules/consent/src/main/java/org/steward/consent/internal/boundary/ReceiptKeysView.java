package org.steward.consent.internal.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReceiptKeys", description = "The public keys that receipts are signed with (a JWK set, RFC 8037)")
public record ReceiptKeysView(@Schema(required = true, type = SchemaType.ARRAY, implementation = Key.class)
                              List<Key> keys) {

    @Schema(name = "ReceiptKey")
    public record Key(@Schema(required = true) String kid, @Schema(required = true, example = "OKP") String kty,
                      @Schema(required = true, example = "Ed25519") String crv,
                      @Schema(required = true, example = "EdDSA") String alg,
                      @Schema(required = true, description = "The raw public key, base64url") String x,
                      @Schema(required = true, description = "X.509 SubjectPublicKeyInfo, base64") String spki) {
    }
}
