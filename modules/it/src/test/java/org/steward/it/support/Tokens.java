package org.steward.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * A test identity provider: one RSA key pair per test JVM. Every test server trusts its public key for the issuer
 * {@link #ISSUER}, as an enterprise's Keycloak or Entra ID would be configured.
 */
public final class Tokens {

    public static final String ISSUER = "https://idp.example.test/realms/steward";
    private static final KeyPair KEYS = generate();

    private Tokens() {
    }

    /** The public key as MP_JWT_VERIFY_PUBLICKEY expects it: base64 of the X.509 DER encoding. */
    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    public static KeyPair keys() {
        return KEYS;
    }

    /** Claims for a token valid now for five minutes, with the given roles in {@code groups}. */
    public static JsonObjectBuilder claims(String subject, String... roles) {
        long now = Instant.now().getEpochSecond();
        var groups = Json.createArrayBuilder();
        for (String r : roles) {
            groups.add(r);
        }
        return Json.createObjectBuilder().add("iss", ISSUER).add("sub", subject).add("iat", now)
                .add("nbf", now).add("exp", now + 300).add("groups", groups);
    }

    public static String sign(JsonObject claims) {
        return sign(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build(), claims,
                KEYS.getPrivate());
    }

    public static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
        String signingInput = b64(header.toString()) + "." + b64(claims.toString());
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
