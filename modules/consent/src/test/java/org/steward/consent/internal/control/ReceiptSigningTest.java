package org.steward.consent.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steward.consent.internal.entity.Purpose;
import org.steward.platform.crypto.internal.Ed25519;
import org.steward.platform.kernel.api.CanonicalJson;

class ReceiptSigningTest {

    private static Receipt receipt(String state) {
        return new Receipt("0190a000-0000-7000-8000-000000000001", Receipt.SCHEMA_VERSION,
                new Receipt.Controller("Open Source Consulting Inc.", "https://example.com"),
                "subject:0190a000-0000-7000-8000-000000000002", "0190a000-0000-7000-8000-000000000003",
                "0190a000-0000-7000-8000-000000000004",
                List.of(new Receipt.Purpose("web-analytics", "CONSENT", "GRANT", state, 2, "en", "ab12")),
                "API", "2026-01-01T00:00:00Z", null, null);
    }

    @Test
    void aSignedReceiptVerifiesWithThePublicKeyOnly() {
        Ed25519.Generated pair = Ed25519.generate();
        Receipt r = receipt("GRANTED");
        String sig = Ed25519.sign(Ed25519.signingKey(pair.seed()), r.signedText());
        assertThat(Ed25519.verify(Ed25519.publicKey(pair.publicKeySpki()), r.signedText(), sig)).isTrue();
        assertThat(pair.seed()).hasSize(32);
        assertThat(Ed25519.jwkX(pair.publicKeySpki())).hasSize(43);
    }

    @Test
    void aTamperedReceiptOrAForeignKeyFails() {
        Ed25519.Generated pair = Ed25519.generate();
        String sig = Ed25519.sign(Ed25519.signingKey(pair.seed()), receipt("GRANTED").signedText());
        assertThat(Ed25519.verify(Ed25519.publicKey(pair.publicKeySpki()), receipt("WITHDRAWN").signedText(), sig))
                .isFalse();
        assertThat(Ed25519.verify(Ed25519.publicKey(Ed25519.generate().publicKeySpki()),
                receipt("GRANTED").signedText(), sig)).isFalse();
        assertThat(Ed25519.verify(Ed25519.publicKey(pair.publicKeySpki()), receipt("GRANTED").signedText(),
                "not base64!")).isFalse();
    }

    @Test
    void theSignedTextLeavesOutTheSignatureAndIsCanonical() {
        Receipt r = receipt("GRANTED");
        Receipt signed = r.withSignature(new Receipt.Signature("Ed25519", "k", "v"));
        assertThat(signed.signedText()).isEqualTo(r.signedText()).doesNotContain("signature")
                .doesNotContain("expiresAt").startsWith("{\"controller\":{");
    }

    @Test
    void canonicalJsonSortsKeysDropsNullsAndEscapes() {
        assertThat(CanonicalJson.ofMembers(Map.of("b", 1, "a", List.of("x\"\n\u0001", true))))
                .isEqualTo("{\"a\":[\"x\\\"\\n\\u0001\",true],\"b\":1}");
    }
}
