package org.steward.platform.crypto.api;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import org.steward.platform.crypto.internal.Ed25519;

/** The public half of a server signing key: anyone may have it. {@code publicKey} is X.509 SPKI, base64. */
public record PublicSigningKey(String keyId, String algorithm, String publicKey, OffsetDateTime createdAt) {

    /** Length of the fixed X.509 prefix before the 32-byte Ed25519 key (RFC 8410). */
    private static final int SPKI_PREFIX = 12;

    /** The JWK {@code x} member (RFC 8037): the raw key, base64url without padding. */
    public String jwkX() {
        byte[] spki = Base64.getDecoder().decode(publicKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(spki, SPKI_PREFIX, spki.length));
    }
}
