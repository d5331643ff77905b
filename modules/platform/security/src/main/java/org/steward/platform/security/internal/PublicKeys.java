package org.steward.platform.security.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Reads token verification keys in the forms IdPs publish them: a PEM public key, bare base64 DER, or a JWKS document
 * (the {@code jwks_uri} of Keycloak, Entra ID and others). Only signing keys for the accepted algorithms are kept:
 * RSA keys for RS256, P-256 keys for ES256.
 */
public final class PublicKeys {

    private PublicKeys() {
    }

    public static JWKSet parse(String text, Set<JWSAlgorithm> algorithms) {
        String t = text.strip();
        if (t.startsWith("{")) {
            return fromJwks(t, algorithms);
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(t.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw notAKey(algorithms, e);
        }
        if (algorithms.contains(JWSAlgorithm.RS256)) {
            try {
                return new JWKSet(new RSAKey.Builder((RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(der))).build());
            } catch (GeneralSecurityException e) {
                // not an RSA key: perhaps an EC one
            }
        }
        if (algorithms.contains(JWSAlgorithm.ES256)) {
            try {
                ECPublicKey ec = (ECPublicKey) KeyFactory.getInstance("EC")
                        .generatePublic(new X509EncodedKeySpec(der));
                if (Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
                    return new JWKSet(new ECKey.Builder(Curve.P_256, ec).build());
                }
            } catch (GeneralSecurityException e) {
                // neither
            }
        }
        throw notAKey(algorithms, null);
    }

    private static IllegalStateException notAKey(Set<JWSAlgorithm> algorithms, Exception cause) {
        return new IllegalStateException("The token verification key is neither a PEM/base64 public key for "
                + JwtVerifier.names(algorithms) + " nor a JWKS document", cause);
    }

    private static JWKSet fromJwks(String json, Set<JWSAlgorithm> algorithms) {
        JWKSet all;
        try {
            all = JWKSet.parse(json);
        } catch (java.text.ParseException | RuntimeException e) {
            throw new IllegalStateException("The JWKS document cannot be read", e);
        }
        List<JWK> usable = new ArrayList<>();
        for (JWK key : all.getKeys()) {
            if (!KeyUse.ENCRYPTION.equals(key.getKeyUse()) && verifies(key, algorithms)) {
                usable.add(key.toPublicJWK());
            }
        }
        return new JWKSet(usable);
    }

    private static boolean verifies(JWK key, Set<JWSAlgorithm> algorithms) {
        if (KeyType.RSA.equals(key.getKeyType())) {
            return algorithms.contains(JWSAlgorithm.RS256) && allows(key, JWSAlgorithm.RS256);
        }
        if (KeyType.EC.equals(key.getKeyType())) {
            return algorithms.contains(JWSAlgorithm.ES256) && allows(key, JWSAlgorithm.ES256)
                    && Curve.P_256.equals(((ECKey) key).getCurve());
        }
        return false;
    }

    /** A key that names its algorithm is used for that one only. */
    private static boolean allows(JWK key, JWSAlgorithm alg) {
        return key.getAlgorithm() == null || alg.equals(key.getAlgorithm());
    }
}
