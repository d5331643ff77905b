package org.steward.platform.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Signatures are made by BouncyCastle and checked by the JDK: both must be RFC 8032's, byte for byte. */
class Ed25519Test {

    @Test
    void signsRfc8032TestVector1() {
        // RFC 8032 section 7.1, TEST 1: the empty message.
        byte[] seed = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        String expected = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                + "d25bf5f0595bbe24655141438e7a100b";
        String sig = Ed25519.sign(Ed25519.signingKey(seed), "");
        assertEquals(expected, HexFormat.of().formatHex(Base64.getUrlDecoder().decode(sig)));
    }

    @Test
    void givesTheJdksBytesAndTheJdkVerifiesThem() throws Exception {
        Ed25519.Generated pair = Ed25519.generate();
        String text = "{\"purpose\":\"web-analytics\",\"status\":\"GRANTED\",\"subject\":\"é ✓\"}";
        String ours = Ed25519.sign(Ed25519.signingKey(pair.seed()), text);

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, pair.seed())));
        jdk.update(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(jdk.sign()), ours);

        assertTrue(Ed25519.verify(Ed25519.publicKey(pair.publicKeySpki()), text, ours));
        assertFalse(Ed25519.verify(Ed25519.publicKey(pair.publicKeySpki()), text + " ", ours));
    }

    @Test
    void refusesASeedOfTheWrongLength() {
        assertThrows(IllegalStateException.class, () -> Ed25519.signingKey(new byte[31]));
    }
}
