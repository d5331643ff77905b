package org.steward.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which MicroProfile JWT settings the verifier is built from. */
class TokenKeysTest {

    private static final KeyPair RSA = JwtVerifierTest.generate();
    private static final KeyPair EC = JwtVerifierTest.generateEc("secp256r1");

    private static TokenKeys keys(String publicKey, String location, String algorithm) {
        TokenKeys k = new TokenKeys();
        k.publicKey = Optional.ofNullable(publicKey);
        k.location = Optional.ofNullable(location);
        k.algorithm = algorithm;
        k.issuer = Optional.of(JwtVerifierTest.ISSUER);
        k.audiences = Optional.empty();
        k.rolesClaim = "groups";
        k.tenantClaim = "tenant_id";
        return k;
    }

    /** Claims valid now: TokenKeys verifies with the real clock. */
    private static String token(String alg, KeyPair pair) {
        long now = Instant.now().getEpochSecond();
        return JwtVerifierTest.sign(JwtVerifierTest.header(alg, null), JwtVerifierTest.claims("AUDITOR")
                .add("iat", now).add("nbf", now).add("exp", now + 300).build(), pair.getPrivate());
    }

    @Test
    void notConfiguredWithoutAKeyOrLocation() {
        assertThat(keys(null, null, "RS256").configured()).isFalse();
        assertThat(keys(" ", "", "RS256").configured()).isFalse();
        assertThat(keys("x", null, "RS256").configured()).isTrue();
        assertThat(keys(null, "http://idp.example.test/jwks", "RS256").configured()).isTrue();
    }

    @Test
    void anInlineKeyWinsOverALocation() throws Exception {
        TokenKeys k = keys(JwtVerifierTest.pem(RSA.getPublic()), "http://127.0.0.1:1/unreachable", "RS256");
        assertThat(k.verifier().verify(token("RS256", RSA))).isNotNull();
    }

    @Test
    void aBlankInlineKeyLeavesTheLocation() {
        TokenKeys k = keys(" ", "http://127.0.0.1:1/unreachable", "RS256");
        assertThatThrownBy(() -> k.verifier().verify(token("RS256", RSA))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:1");
    }

    @Test
    void es256IsAcceptedWhenTheAlgorithmSettingSaysSo() throws Exception {
        String ecKey = Base64.getEncoder().encodeToString(EC.getPublic().getEncoded());
        assertThat(keys(ecKey, null, "ES256").verifier().verify(token("ES256", EC))).isNotNull();
        // the default is RS256 only, as before: an EC key is not a key then
        assertThatThrownBy(() -> keys(ecKey, null, "RS256").verifier()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnreadableSettingFailsEveryCallUntilItIsFixed() {
        TokenKeys bad = keys(JwtVerifierTest.pem(RSA.getPublic()), null, "HS256");
        assertThatThrownBy(bad::verifier).isInstanceOf(IllegalStateException.class).hasMessageContaining("HS256");
        assertThatThrownBy(bad::verifier).isInstanceOf(IllegalStateException.class);
        TokenKeys garbage = keys("garbage", null, "RS256");
        assertThatThrownBy(garbage::verifier).isInstanceOf(IllegalStateException.class);
    }
}
