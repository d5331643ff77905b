package org.steward.platform.security.internal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads token verification keys in the forms IdPs publish them: a PEM public key, bare base64 DER, or a JWKS document
 * (the {@code jwks_uri} of Keycloak, Entra ID and others). Keys are returned by key id ("" when there is none).
 */
public final class PublicKeys {

    private PublicKeys() {
    }

    public static Map<String, PublicKey> parse(String text) {
        String t = text.strip();
        if (t.startsWith("{")) {
            return fromJwks(t);
        }
        String base64 = t.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return Map.of("", key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The token verification key is neither a PEM/base64 RSA public key nor"
                    + " a JWKS document", e);
        }
    }

    private static Map<String, PublicKey> fromJwks(String json) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject doc = reader.readObject();
            for (JsonValue v : doc.getJsonArray("keys")) {
                JsonObject jwk = v.asJsonObject();
                if (!"RSA".equals(jwk.getString("kty", null)) || "enc".equals(jwk.getString("use", "sig"))) {
                    continue;
                }
                BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n")));
                BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")));
                keys.put(jwk.getString("kid", ""),
                        KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The JWKS document cannot be read", e);
        }
        return keys;
    }
}
