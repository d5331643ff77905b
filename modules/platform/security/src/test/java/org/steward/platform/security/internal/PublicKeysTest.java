package org.steward.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicKeysTest {

    private static final KeyPair K1 = JwtVerifierTest.generate();
    private static final KeyPair K2 = JwtVerifierTest.generate();

    @Test
    void readsAPemPublicKey() {
        Map<String, PublicKey> keys = PublicKeys.parse(JwtVerifierTest.pem(K1.getPublic()));
        assertThat(keys).containsOnlyKeys("");
        assertThat(keys.get("").getEncoded()).isEqualTo(K1.getPublic().getEncoded());
    }

    @Test
    void readsAPemPublicKeyWithCrLfAndSurroundingWhitespace() {
        String pem = "\n  " + JwtVerifierTest.pem(K1.getPublic()).replace("\n", "\r\n") + "  \n";
        assertThat(PublicKeys.parse(pem).get("").getEncoded()).isEqualTo(K1.getPublic().getEncoded());
    }

    @Test
    void readsBareBase64Der() {
        String b64 = Base64.getEncoder().encodeToString(K1.getPublic().getEncoded());
        Map<String, PublicKey> keys = PublicKeys.parse(b64);
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

        Map<String, PublicKey> keys = PublicKeys.parse(jwks);

        assertThat(keys).containsOnlyKeys("sig-1", "sig-2");
        assertThat(keys.get("sig-1").getEncoded()).isEqualTo(K1.getPublic().getEncoded());
        assertThat(keys.get("sig-2").getEncoded()).isEqualTo(K2.getPublic().getEncoded());
    }

    @Test
    void aJwksKeyWithoutKidIsFiledUnderTheEmptyId() {
        String jwks = Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(rsaJwk(null, K1, null)))
                .build().toString();
        assertThat(PublicKeys.parse(jwks)).containsOnlyKeys("");
    }

    @Test
    void keysFromAJwksVerifyTokens() throws Exception {
        String jwks = Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                .add(rsaJwk("a", K1, "sig")).add(rsaJwk("b", K2, "sig"))).build().toString();
        Map<String, PublicKey> keys = PublicKeys.parse(jwks);
        assertThat(keys.get("b")).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) keys.get("b")).getModulus()).isEqualTo(((RSAPublicKey) K2.getPublic()).getModulus());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----",
            "AAAA", "{", "{}", "{\"keys\":5}", "{\"keys\":[5]}", "{\"keys\":[{\"kty\":\"RSA\"}]}",
            "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"!!\",\"e\":\"AQAB\"}]}", "[]"})
    void garbageIsAnIllegalStateException(String text) {
        assertThatThrownBy(() -> PublicKeys.parse(text)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEcPublicKeyInPemIsRefused() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        String pem = JwtVerifierTest.pem(ec.generateKeyPair().getPublic());
        assertThatThrownBy(() -> PublicKeys.parse(pem)).isInstanceOf(IllegalStateException.class);
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
