package org.steward.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicKeysTest {

    private static final KeyPair K1 = JwtVerifierTest.generate();
    private static final KeyPair K2 = JwtVerifierTest.generate();

    @Test
    void readsAPemPublicKey() {
        Map<String, PublicKey> keys = parse(JwtVerifierTest.pem(K1.getPublic()));
        assertThat(keys).containsOnlyKeys("");
        assertThat(keys.get("").getEncoded()).isEqualTo(K1.getPublic().getEncoded());
    }

    @Test
    void readsAPemPublicKeyWithCrLfAndSurroundingWhitespace() {
        String pem = "\n  " + JwtVerifierTest.pem(K1.getPublic()).replace("\n", "\r\n") + "  \n";
        assertThat(parse(pem).get("").getEncoded()).isEqualTo(K1.getPublic().getEncoded());
    }

    @Test
    void readsBareBase64Der() {
        String b64 = Base64.getEncoder().encodeToString(K1.getPublic().getEncoded());
        Map<String, PublicKey> keys = parse(b64);
        assertThat(keys).containsOnlyKeys("");
        assertThat(keys.get("").getEncoded()).isEqualTo(K1.getPublic().getEncoded());
    }

    @Test
    void readsTheRsaSigningKeysOfAJwksAndIgnoresEcAndEncryptionKeys() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        ECPublicKey ecKey = (ECPublicKey) ec.generateKeyPair().getPublic();
        KeyPair enc = JwtVerifierTest.generate();
        String jwks = Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                .add(rsaJwk("sig-1", K1, "sig"))
                .add(Json.createObjectBuilder().add("kty", "EC").add("kid", "ec-1").add("crv", "P-256")
                        .add("x", b64u(ecKey.getW().getAffineX())).add("y", b64u(ecKey.getW().getAffineY())))
                .add(rsaJwk("enc-1", enc, "enc"))
                .add(rsaJwk("sig-2", K2, null)))
                .build().toString();

        Map<String, PublicKey> keys = parse(jwks);

        assertThat(keys).containsOnlyKeys("sig-1", "sig-2");
        assertThat(keys.get("sig-1").getEncoded()).isEqualTo(K1.getPublic().getEncoded());
        assertThat(keys.get("sig-2").getEncoded()).isEqualTo(K2.getPublic().getEncoded());
    }

    @Test
    void aJwksKeyWithoutKidIsFiledUnderTheEmptyId() {
        String jwks = Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(rsaJwk(null, K1, null)))
                .build().toString();
        assertThat(parse(jwks)).containsOnlyKeys("");
    }

    @Test
    void keysFromAJwksVerifyTokens() throws Exception {
        String jwks = Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                .add(rsaJwk("a", K1, "sig")).add(rsaJwk("b", K2, "sig"))).build().toString();
        Map<String, PublicKey> keys = parse(jwks);
        assertThat(keys.get("b")).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) keys.get("b")).getModulus()).isEqualTo(((RSAPublicKey) K2.getPublic()).getModulus());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----",
            "AAAA", "{", "{}", "{\"keys\":5}", "{\"keys\":[5]}", "{\"keys\":[{\"kty\":\"RSA\"}]}",
            "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"!!\",\"e\":\"AQAB\"}]}", "[]"})
    void garbageIsAnIllegalStateException(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEcPublicKeyInPemIsRefused() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        String pem = JwtVerifierTest.pem(ec.generateKeyPair().getPublic());
        assertThatThrownBy(() -> parse(pem)).isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------------ ES256

    private static final Set<JWSAlgorithm> ES256 = Set.of(JWSAlgorithm.ES256);
    private static final Set<JWSAlgorithm> BOTH = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    @Test
    void withEs256AcceptedTheP256KeysOfAJwksAreReadAndOtherCurvesIgnored() throws Exception {
        ECPublicKey p256 = (ECPublicKey) JwtVerifierTest.generateEc("secp256r1").getPublic();
        ECPublicKey p384 = (ECPublicKey) JwtVerifierTest.generateEc("secp384r1").getPublic();
        String jwks = Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                .add(rsaJwk("rsa-1", K1, "sig"))
                .add(ecJwk("ec-1", "P-256", p256, "sig"))
                .add(ecJwk("ec-enc", "P-256", p256, "enc"))
                .add(ecJwk("ec-384", "P-384", p384, null)))
                .build().toString();

        assertThat(byKid(PublicKeys.parse(jwks, ES256))).containsOnlyKeys("ec-1");
        Map<String, PublicKey> both = byKid(PublicKeys.parse(jwks, BOTH));
        assertThat(both).containsOnlyKeys("rsa-1", "ec-1");
        assertThat(both.get("ec-1").getEncoded()).isEqualTo(p256.getEncoded());
    }

    @Test
    void aJwksKeyThatNamesAnotherAlgorithmIsIgnored() {
        var jwk = Json.createObjectBuilder(rsaJwk("rs512", K1, "sig")).add("alg", "RS512");
        String jwks = Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(jwk)
                .add(rsaJwk("rs256", K2, "sig"))).build().toString();
        assertThat(parse(jwks)).containsOnlyKeys("rs256");
    }

    @Test
    void withEs256AcceptedAnEcPemOrBase64KeyIsRead() throws Exception {
        PublicKey ec = JwtVerifierTest.generateEc("secp256r1").getPublic();
        assertThat(byKid(PublicKeys.parse(JwtVerifierTest.pem(ec), ES256)).get("").getEncoded())
                .isEqualTo(ec.getEncoded());
        assertThat(byKid(PublicKeys.parse(Base64.getEncoder().encodeToString(ec.getEncoded()), BOTH)).get("")
                .getEncoded()).isEqualTo(ec.getEncoded());
        // and an RSA key is still read when both are accepted
        assertThat(byKid(PublicKeys.parse(JwtVerifierTest.pem(K1.getPublic()), BOTH)).get("").getEncoded())
                .isEqualTo(K1.getPublic().getEncoded());
    }

    @Test
    void withOnlyEs256AnRsaPemOrAP384PemIsRefused() {
        assertThatThrownBy(() -> PublicKeys.parse(JwtVerifierTest.pem(K1.getPublic()), ES256))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ES256");
        String p384 = JwtVerifierTest.pem(JwtVerifierTest.generateEc("secp384r1").getPublic());
        assertThatThrownBy(() -> PublicKeys.parse(p384, BOTH)).isInstanceOf(IllegalStateException.class);
    }

    private static JsonObject ecJwk(String kid, String crv, ECPublicKey k, String use) {
        var b = Json.createObjectBuilder().add("kty", "EC").add("crv", crv).add("kid", kid)
                .add("x", b64u(k.getW().getAffineX(), k)).add("y", b64u(k.getW().getAffineY(), k));
        if (use != null) {
            b.add("use", use);
        }
        return b.build();
    }

    /** An EC coordinate: big-endian, padded to the curve's size (RFC 7518 6.2.1.2). */
    private static String b64u(BigInteger coordinate, ECPublicKey k) {
        int size = (k.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        byte[] raw = coordinate.toByteArray();
        byte[] fixed = new byte[size];
        int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, fixed, size - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    /** The keys read for RS256 (the default), by key id ("": none). */
    private static Map<String, PublicKey> parse(String text) {
        return byKid(PublicKeys.parse(text, Set.of(JWSAlgorithm.RS256)));
    }

    static Map<String, PublicKey> byKid(JWKSet set) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (JWK k : set.getKeys()) {
            try {
                keys.put(k.getKeyID() == null ? "" : k.getKeyID(), k instanceof RSAKey rsa ? rsa.toRSAPublicKey()
                        : ((ECKey) k).toECPublicKey());
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    private static JsonObject rsaJwk(String kid, KeyPair pair, String use) {
        RSAPublicKey k = (RSAPublicKey) pair.getPublic();
        var b = Json.createObjectBuilder().add("kty", "RSA").add("alg", "RS256")
                .add("n", b64u(k.getModulus())).add("e", b64u(k.getPublicExponent()));
        if (kid != null) {
            b.add("kid", kid);
        }
        if (use != null) {
            b.add("use", use);
        }
        return b.build();
    }

    /** Base64url of the unsigned big-endian bytes, as RFC 7518 wants (no leading zero byte). */
    private static String b64u(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
