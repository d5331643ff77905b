package org.steward.it.support;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test identity provider: one RSA key pair per test JVM. Every test server trusts its public key for the issuer
 * {@link #ISSUER}, as an enterprise's Keycloak or Entra ID would be configured: given inline (base64), or published
 * in a JWKS at {@link #jwksUri()} beside an ES256 key ({@link #EC_KID}) and whatever keys a test publishes or
 * retires there.
 */
public final class Tokens {

    public static final String ISSUER = "https://idp.example.test/realms/steward";
    private static final KeyPair KEYS = generate();
    /** The RSA key's id in the JWKS. Tokens from {@link #sign(JsonObject)} name no key id. */
    public static final String RSA_KID = "it-rsa";
    /** An ES256 key that the JWKS always holds. */
    public static final String EC_KID = "it-ec";
    private static final KeyPair EC_KEYS = generateEc();

    /** The JWKS as published: key id to public key. */
    private static final Map<String, PublicKey> PUBLISHED = new LinkedHashMap<>(Map.of(RSA_KID, KEYS.getPublic(),
            EC_KID, EC_KEYS.getPublic()));
    private static final AtomicInteger JWKS_READS = new AtomicInteger();
    private static URI jwksUri;

    private Tokens() {
    }

    /**
     * The IdP's {@code jwks_uri}, served from this JVM (started on first use) so that a test server can read it and
     * a test can rotate its keys.
     */
    public static synchronized URI jwksUri() {
        if (jwksUri == null) {
            try {
                int port = Ports.free();
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                server.createContext("/jwks", exchange -> {
                    JWKS_READS.incrementAndGet();
                    byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start(); // its thread is not a daemon, but failsafe ends the JVM with System.exit
                jwksUri = URI.create("http://127.0.0.1:" + port + "/jwks");
            } catch (IOException e) {
                throw new IllegalStateException("Cannot serve the test JWKS", e);
            }
        }
        return jwksUri;
    }

    /** How many times the JWKS has been read so far. */
    public static int jwksReads() {
        return JWKS_READS.get();
    }

    /** Publishes a new P-256 key under this id in the JWKS, as an IdP rotating its keys does. */
    public static KeyPair publishEcKey(String kid) {
        KeyPair pair = generateEc();
        synchronized (PUBLISHED) {
            PUBLISHED.put(kid, pair.getPublic());
        }
        return pair;
    }

    /** Removes a key from the JWKS. */
    public static void retire(String kid) {
        synchronized (PUBLISHED) {
            PUBLISHED.remove(kid);
        }
    }

    public static KeyPair ecKeys() {
        return EC_KEYS;
    }

    /** An ES256 token naming key {@code kid}: the signature is R || S (RFC 7518 3.4), the JDK's P1363 format. */
    public static String signEs256(String kid, JsonObject claims, PrivateKey key) {
        String signingInput = b64(Json.createObjectBuilder().add("alg", "ES256").add("typ", "JWT").add("kid", kid)
                .build().toString()) + "." + b64(claims.toString());
        try {
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initSign(key);
            es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(es256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks() {
        var keys = Json.createArrayBuilder();
        synchronized (PUBLISHED) {
            PUBLISHED.forEach((kid, key) -> {
                if (key instanceof RSAPublicKey rsa) {
                    keys.add(Json.createObjectBuilder().add("kty", "RSA").add("kid", kid).add("use", "sig")
                            .add("alg", "RS256").add("n", unsigned(rsa.getModulus(), 0))
                            .add("e", unsigned(rsa.getPublicExponent(), 0)));
                } else {
                    ECPublicKey ec = (ECPublicKey) key;
                    keys.add(Json.createObjectBuilder().add("kty", "EC").add("kid", kid).add("use", "sig")
                            .add("crv", "P-256").add("x", unsigned(ec.getW().getAffineX(), 32))
                            .add("y", unsigned(ec.getW().getAffineY(), 32)));
                }
            });
        }
        return Json.createObjectBuilder().add("keys", keys).build().toString();
    }

    /** Base64url of the big-endian bytes without a sign byte, left-padded to {@code size} bytes when given. */
    private static String unsigned(BigInteger n, int size) {
        byte[] bytes = n.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length < size) {
            byte[] padded = new byte[size];
            System.arraycopy(bytes, 0, padded, size - bytes.length, bytes.length);
            bytes = padded;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

    private static KeyPair generateEc() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
