package org.steward.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.Role;

class JwtVerifierTest {

    static final String ISSUER = "https://idp.example.test/realms/steward";
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final KeyPair KEY = generate();
    private static final KeyPair OTHER = generate();

    private static JwtVerifier verifier() {
        return verifier(Map.of("", KEY.getPublic()), List.of(), "groups");
    }

    private static JwtVerifier verifier(Map<String, PublicKey> keys, List<String> audiences, String rolesClaim) {
        return verifier(keys, Set.of(JWSAlgorithm.RS256), ISSUER, audiences, rolesClaim);
    }

    static JwtVerifier verifier(Map<String, PublicKey> keys, Set<JWSAlgorithm> algorithms, String issuer,
                                List<String> audiences, String rolesClaim) {
        return new JwtVerifier(VerificationKeys.fixed(jwks(keys)), algorithms, issuer, audiences, rolesClaim,
                "tenant_id", () -> NOW);
    }

    /** The keys as a JWKS, each under its id ("": none). */
    static JWKSet jwks(Map<String, PublicKey> keys) {
        List<JWK> jwks = new ArrayList<>();
        keys.forEach((kid, key) -> jwks.add(key instanceof RSAPublicKey rsa
                ? new RSAKey.Builder(rsa).keyID(kid.isEmpty() ? null : kid).build()
                : new ECKey.Builder(Curve.forECParameterSpec(((ECPublicKey) key).getParams()), (ECPublicKey) key)
                        .keyID(kid.isEmpty() ? null : kid).build()));
        return new JWKSet(jwks);
    }

    static JsonObjectBuilder claims(String... roles) {
        var groups = Json.createArrayBuilder();
        for (String r : roles) {
            groups.add(r);
        }
        long now = NOW.getEpochSecond();
        return Json.createObjectBuilder().add("iss", ISSUER).add("sub", "alice").add("iat", now).add("nbf", now)
                .add("exp", now + 300).add("groups", groups);
    }

    static JsonObject rs256(String kid) {
        return header("RS256", kid);
    }

    static JsonObject header(String alg, String kid) {
        JsonObjectBuilder h = Json.createObjectBuilder().add("alg", alg).add("typ", "JWT");
        if (kid != null) {
            h.add("kid", kid);
        }
        return h.build();
    }

    private static String sign(JsonObjectBuilder claims) {
        return sign(rs256(null), claims.build(), KEY.getPrivate());
    }

    static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
        String input = b64(header.toString()) + "." + b64(claims.toString());
        try {
            // ES256 signatures are R || S (64 bytes, RFC 7518 3.4), which the JDK calls the P1363 format.
            Signature s = Signature.getInstance(key instanceof ECPrivateKey ? "SHA256withECDSAinP1363Format"
                    : "SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static void refused(JwtVerifier v, String token, String reason) {
        assertThatThrownBy(() -> v.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(reason);
    }

    // ------------------------------------------------------------------ accepted

    @Test
    void aValidTokenGivesATokenCallerWithItsRoles() throws Exception {
        Caller c = verifier().verify(sign(claims("PRIVACY_OFFICER", "AUDITOR")));

        assertThat(c.kind()).isEqualTo(Caller.Kind.TOKEN);
        assertThat(c.id()).isEqualTo("token:alice");
        assertThat(c.roles()).containsExactlyInAnyOrder(Role.PRIVACY_OFFICER, Role.AUDITOR);
        assertThat(c.tenantId()).isNull();
    }

    @Test
    void roleNamesThatAreNotStewardRolesAreIgnored() throws Exception {
        Caller c = verifier().verify(sign(claims("offline_access", "AUDITOR", "admin", "uma_authorization")));
        assertThat(c.roles()).containsExactly(Role.AUDITOR);
    }

    @Test
    void noRolesClaimMeansNoRoles() throws Exception {
        Caller c = verifier().verify(sign(claims().remove("groups")));
        assertThat(c.roles()).isEmpty();
    }

    @Test
    void rolesComeFromANestedClaimPath() throws Exception {
        JwtVerifier keycloak = verifier(Map.of("", KEY.getPublic()), List.of(), "realm_access.roles");
        String token = sign(claims("ADMIN").add("realm_access", Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("PRIVACY_OFFICER").add("default-roles-steward"))));

        Caller c = keycloak.verify(token);

        assertThat(c.roles()).containsExactly(Role.PRIVACY_OFFICER);
    }

    @Test
    void aNestedPathThatIsAbsentOrNotAnArrayMeansNoRoles() throws Exception {
        JwtVerifier keycloak = verifier(Map.of("", KEY.getPublic()), List.of(), "realm_access.roles");
        assertThat(keycloak.verify(sign(claims("ADMIN"))).roles()).isEmpty();
        assertThat(keycloak.verify(sign(claims().add("realm_access", "ADMIN"))).roles()).isEmpty();
        assertThat(keycloak.verify(sign(claims().add("realm_access",
                Json.createObjectBuilder().add("roles", "ADMIN")))).roles()).isEmpty();
    }

    @Test
    void theTenantComesFromTheTenantIdClaim() throws Exception {
        String tenant = "0190a000-0000-7000-8000-000000000001";
        Caller c = verifier().verify(sign(claims("SERVICE").add("tenant_id", tenant)));
        assertThat(c.tenantId()).isEqualTo(tenant);
        assertThat(c.roles()).containsExactly(Role.SERVICE);
    }

    @Test
    void aServiceTokenWithoutATenantIsRefused() {
        // A machine client is always bound to one tenant (Grants); an unbound SERVICE token would reach every tenant.
        refused(verifier(), sign(claims("SERVICE")), "tenant");
        refused(verifier(), sign(claims("SERVICE").add("tenant_id", " ")), "tenant");
        refused(verifier(), sign(claims("SERVICE").add("tenant_id", 42)), "tenant");
    }

    @Test
    void theAudienceMustMatchWhenAudiencesAreConfigured() throws Exception {
        JwtVerifier v = verifier(Map.of("", KEY.getPublic()), List.of("steward", "steward-api"), "groups");

        assertThat(v.verify(sign(claims("AUDITOR").add("aud", "steward-api"))).roles()).containsExactly(Role.AUDITOR);
        assertThat(v.verify(sign(claims("AUDITOR").add("aud", Json.createArrayBuilder().add("account")
                .add("steward"))))).isNotNull();
        refused(v, sign(claims("AUDITOR").add("aud", "account")), "audience");
        refused(v, sign(claims("AUDITOR").add("aud", Json.createArrayBuilder().add("account"))), "audience");
        refused(v, sign(claims("AUDITOR")), "audience");
    }

    @Test
    void theAudienceIsNotCheckedWhenNoneIsConfigured() throws Exception {
        assertThat(verifier().verify(sign(claims("AUDITOR").add("aud", "anything")))).isNotNull();
    }

    // ------------------------------------------------------------------ algorithm and signature

    @Test
    void algNoneIsRefused() {
        JsonObject header = Json.createObjectBuilder().add("alg", "none").add("typ", "JWT").build();
        String unsigned = b64(header.toString()) + "." + b64(claims("ADMIN").build().toString()) + ".";
        refused(verifier(), unsigned, "RS256");
        // and "none" with a real RS256 signature glued on is refused too
        String signed = sign(claims("ADMIN"));
        String swapped = b64(header.toString()) + signed.substring(signed.indexOf('.'));
        refused(verifier(), swapped, "RS256");
    }

    @Test
    void anAlgHeaderThatIsMissingOrNotAStringIsRefused() {
        String payload = b64(claims("ADMIN").build().toString());
        refused(verifier(), b64("{\"typ\":\"JWT\"}") + "." + payload + ".AAAA", "RS256");
        refused(verifier(), b64("{\"alg\":256}") + "." + payload + ".AAAA", "RS256");
        refused(verifier(), b64("{\"alg\":\"rs256\"}") + "." + payload + ".AAAA", "RS256");
    }

    @Test
    void hs256SignedWithThePublicKeyAsHmacSecretIsRefused() throws Exception {
        // The classic algorithm-confusion attack: a verifier that trusts "alg" would check this HMAC with the public
        // key bytes, which every attacker knows.
        JsonObject header = Json.createObjectBuilder().add("alg", "HS256").add("typ", "JWT").build();
        String input = b64(header.toString()) + "." + b64(claims("ADMIN").build().toString());
        for (byte[] secret : List.of(KEY.getPublic().getEncoded(), pem(KEY.getPublic()).getBytes(StandardCharsets.US_ASCII))) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String token = input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
            refused(verifier(), token, "RS256");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS384", "RS512", "PS256", "ES256", "HS512"})
    void otherAlgorithmsAreRefused(String alg) {
        JsonObject header = Json.createObjectBuilder().add("alg", alg).build();
        String signed = sign(claims("ADMIN"));
        refused(verifier(), b64(header.toString()) + signed.substring(signed.indexOf('.')), "RS256");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String token = sign(claims("AUDITOR"));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + b64(claims("ADMIN").build().toString()) + "." + parts[2];
        refused(verifier(), forged, "signature");
    }

    @Test
    void aTamperedHeaderIsRefused() {
        String token = sign(claims("AUDITOR"));
        String forged = b64(rs256("other").toString()) + token.substring(token.indexOf('.'));
        refused(verifier(), forged, "signature");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        refused(verifier(), sign(rs256(null), claims("ADMIN").build(), OTHER.getPrivate()), "signature");
    }

    @Test
    void aTruncatedOrEmptySignatureIsRefused() {
        String token = sign(claims("ADMIN"));
        refused(verifier(), token.substring(0, token.lastIndexOf('.') + 1), "signature");
        refused(verifier(), token.substring(0, token.length() - 10), "signature");
    }

    @Test
    void theKeyIsChosenByKidWhenThereAreSeveral() throws Exception {
        JwtVerifier v = verifier(Map.of("k1", KEY.getPublic(), "k2", OTHER.getPublic()), List.of(), "groups");

        assertThat(v.verify(sign(rs256("k1"), claims("AUDITOR").build(), KEY.getPrivate())).roles())
                .containsExactly(Role.AUDITOR);
        assertThat(v.verify(sign(rs256("k2"), claims("ADMIN").build(), OTHER.getPrivate())).roles())
                .containsExactly(Role.ADMIN);
        // the kid names a key, and only that key verifies
        refused(v, sign(rs256("k1"), claims("ADMIN").build(), OTHER.getPrivate()), "signature");
        refused(v, sign(rs256("k3"), claims("ADMIN").build(), KEY.getPrivate()), "key id");
        refused(v, sign(rs256(null), claims("ADMIN").build(), KEY.getPrivate()), "key id");
    }

    @Test
    void withOneKeyTheKidDoesNotMatter() throws Exception {
        assertThat(verifier().verify(sign(rs256("whatever"), claims("AUDITOR").build(), KEY.getPrivate())))
                .isNotNull();
    }

    @Test
    void withoutKeysEveryTokenIsRefused() {
        refused(verifier(Map.of(), List.of(), "groups"), sign(claims("ADMIN")), "key");
    }

    // ------------------------------------------------------------------ ES256

    private static final KeyPair EC = generateEc("secp256r1");
    private static final Set<JWSAlgorithm> BOTH = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private static JwtVerifier es256(Map<String, PublicKey> keys) {
        return verifier(keys, Set.of(JWSAlgorithm.ES256), ISSUER, List.of(), "groups");
    }

    @Test
    void anEs256TokenVerifiesWhenEs256IsAccepted() throws Exception {
        Caller c = es256(Map.of("ec-1", EC.getPublic()))
                .verify(sign(header("ES256", "ec-1"), claims("AUDITOR").build(), EC.getPrivate()));
        assertThat(c.id()).isEqualTo("token:alice");
        assertThat(c.roles()).containsExactly(Role.AUDITOR);
    }

    @Test
    void withBothAlgorithmsEachTokenIsVerifiedWithAKeyOfItsOwnType() throws Exception {
        JwtVerifier v = verifier(Map.of("rsa", KEY.getPublic(), "ec", EC.getPublic()), BOTH, ISSUER, List.of(),
                "groups");
        assertThat(v.verify(sign(rs256(null), claims("AUDITOR").build(), KEY.getPrivate())).roles())
                .containsExactly(Role.AUDITOR);
        assertThat(v.verify(sign(header("ES256", null), claims("ADMIN").build(), EC.getPrivate())).roles())
                .containsExactly(Role.ADMIN);
        // a kid naming the key of the other type: that key is never used, the one key of the token's type is
        assertThat(v.verify(sign(header("ES256", "rsa"), claims("ADMIN").build(), EC.getPrivate()))).isNotNull();
        refused(v, sign(header("RS256", "ec"), claims("ADMIN").build(), OTHER.getPrivate()), "signature");
    }

    @Test
    void anEs256TokenIsRefusedByDefaultAndAnRs256OneWhenOnlyEs256IsAccepted() {
        refused(verifier(Map.of("", KEY.getPublic(), "ec", EC.getPublic()), List.of(), "groups"),
                sign(header("ES256", "ec"), claims("ADMIN").build(), EC.getPrivate()), "only RS256 tokens");
        refused(es256(Map.of("", EC.getPublic())), sign(claims("ADMIN")), "only ES256 tokens");
    }

    @Test
    void anEs256TokenWithoutAnEcKeyIsRefused() {
        JwtVerifier v = verifier(Map.of("", KEY.getPublic()), BOTH, ISSUER, List.of(), "groups");
        refused(v, sign(header("ES256", null), claims("ADMIN").build(), EC.getPrivate()), "key");
    }

    @Test
    void anEs256SignatureByAnotherKeyOrTamperedIsRefused() {
        JwtVerifier v = es256(Map.of("", EC.getPublic()));
        KeyPair other = generateEc("secp256r1");
        refused(v, sign(header("ES256", null), claims("ADMIN").build(), other.getPrivate()), "signature");
        String token = sign(header("ES256", null), claims("AUDITOR").build(), EC.getPrivate());
        String[] parts = token.split("\\.");
        refused(v, parts[0] + "." + b64(claims("ADMIN").build().toString()) + "." + parts[2], "signature");
    }

    @Test
    void anEs256SignatureInDerInsteadOfJoseFormIsRefused() throws Exception {
        String input = b64(header("ES256", null).toString()) + "." + b64(claims("ADMIN").build().toString());
        Signature der = Signature.getInstance("SHA256withECDSA");
        der.initSign(EC.getPrivate());
        der.update(input.getBytes(StandardCharsets.US_ASCII));
        String token = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(der.sign());
        refused(es256(Map.of("", EC.getPublic())), token, "signature");
    }

    @Test
    void theAllZeroEcdsaSignatureIsRefused() {
        // CVE-2022-21449 ("psychic signatures"): r = s = 0 verified on unpatched JDKs.
        String input = b64(header("ES256", null).toString()) + "." + b64(claims("ADMIN").build().toString());
        String token = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
        refused(es256(Map.of("", EC.getPublic())), token, "signature");
    }

    @Test
    void anEcKeyOnAnotherCurveIsNotAnEs256Key() {
        KeyPair p384 = generateEc("secp384r1");
        JwtVerifier v = es256(Map.of("", p384.getPublic()));
        String input = b64(header("ES256", null).toString()) + "." + b64(claims("ADMIN").build().toString());
        refused(v, input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]), "key");
    }

    @Test
    void theAlgorithmSettingNamesRs256Es256OrBoth() {
        assertThat(JwtVerifier.algorithms("RS256")).containsExactly(JWSAlgorithm.RS256);
        assertThat(JwtVerifier.algorithms("ES256")).containsExactly(JWSAlgorithm.ES256);
        assertThat(JwtVerifier.algorithms(" ES256 , RS256 ")).containsExactlyInAnyOrder(JWSAlgorithm.RS256,
                JWSAlgorithm.ES256);
        for (String bad : List.of("", " , ", "HS256", "none", "rs256", "RS256,PS256")) {
            assertThatThrownBy(() -> JwtVerifier.algorithms(bad)).as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("mp.jwt.verify.publickey.algorithm");
        }
    }

    @Test
    void hs256IsRefusedWhateverAlgorithmsAreAccepted() throws Exception {
        JsonObject header = Json.createObjectBuilder().add("alg", "HS256").add("typ", "JWT").build();
        String input = b64(header.toString()) + "." + b64(claims("ADMIN").build().toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(EC.getPublic().getEncoded(), "HmacSHA256"));
        String token = input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        refused(verifier(Map.of("rsa", KEY.getPublic(), "ec", EC.getPublic()), BOTH, ISSUER, List.of(), "groups"),
                token, "only RS256 or ES256 tokens");
    }

    // ------------------------------------------------------------------ claims

    @Test
    void aWrongOrMissingIssuerIsRefused() {
        refused(verifier(), sign(claims("ADMIN").add("iss", "https://evil.example.test/realms/steward")), "issuer");
        refused(verifier(), sign(claims("ADMIN").add("iss", ISSUER + "/")), "issuer");
        refused(verifier(), sign(claims("ADMIN").remove("iss")), "issuer");
    }

    @Test
    void withoutAConfiguredIssuerEveryTokenIsRefused() {
        JwtVerifier v = verifier(Map.of("", KEY.getPublic()), Set.of(JWSAlgorithm.RS256), null, List.of(), "groups");
        refused(v, sign(claims("ADMIN")), "issuer");
    }

    @Test
    void aMissingSubjectIsRefused() {
        refused(verifier(), sign(claims("ADMIN").remove("sub")), "subject");
        refused(verifier(), sign(claims("ADMIN").add("sub", " ")), "subject");
    }

    @Test
    void aMissingOrNonNumericExpiryIsRefused() {
        refused(verifier(), sign(claims("ADMIN").remove("exp")), "expiry");
        refused(verifier(), sign(claims("ADMIN").add("exp", String.valueOf(NOW.getEpochSecond() + 300))), "expiry");
    }

    @Test
    void anExpiredTokenIsAcceptedWithin60SecondsOfSkewAndRefusedBeyond() throws Exception {
        long now = NOW.getEpochSecond();
        assertThat(verifier().verify(sign(claims("AUDITOR").add("exp", now - 30)))).isNotNull();
        assertThat(verifier().verify(sign(claims("AUDITOR").add("exp", now - 60)))).isNotNull();
        refused(verifier(), sign(claims("AUDITOR").add("exp", now - 61)), "expired");
        refused(verifier(), sign(claims("AUDITOR").add("exp", now - 600)), "expired");
    }

    @Test
    void aNotBeforeInTheFutureIsAcceptedWithinSkewAndRefusedBeyond() throws Exception {
        long now = NOW.getEpochSecond();
        assertThat(verifier().verify(sign(claims("AUDITOR").add("nbf", now + 60)))).isNotNull();
        refused(verifier(), sign(claims("AUDITOR").add("nbf", now + 61)), "not yet valid");
        refused(verifier(), sign(claims("AUDITOR").add("nbf", now + 3600)), "not yet valid");
    }

    @Test
    void absurdTimeClaimsAreInvalidTokensNotCrashes() {
        // Signed by the trusted key, so they reach the time checks.
        for (String exp : List.of("9223372036854775807", "1e300", "-9223372036854775808")) {
            String token = sign(rs256(null), Json.createReader(new java.io.StringReader(claims("ADMIN").build()
                    .toString().replaceFirst("\"exp\":\\d+", "\"exp\":" + exp))).readObject(), KEY.getPrivate());
            assertThat(catchThrowable(() -> verifier().verify(token))).as("exp %s", exp)
                    .isInstanceOf(InvalidTokenException.class);
        }
        String token = sign(claims("ADMIN").add("nbf", Long.MAX_VALUE));
        assertThat(catchThrowable(() -> verifier().verify(token))).isInstanceOf(InvalidTokenException.class);
    }

    // ------------------------------------------------------------------ malformed

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "a.b", "a.b.c.d", "...", "..", "a..b", "e30.e30", "!!!.e30.AAAA",
            "eyJhbGciOiJSUzI1NiJ9.!!!.AAAA", "eyJhbGciOiJSUzI1NiJ9.e30.!!!", "bm90IGpzb24.e30.AAAA",
            "W10.e30.AAAA", "InN0cmluZyI.e30.AAAA", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.AAAA",
            "eyJhbGciOiJSUzI1NiJ9.e30.AAAA", "eyJhbGciOiJSUzI1NiJ9", "eyJhbGciOiJSUzI1NiI.e30.AAAA",
            "eyJhbGciOiJSUzI1NiJ9+/.e30.AAAA", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA"})
    void malformedTokensAreInvalidTokensAndNeverAnotherException(String token) {
        assertThat(catchThrowable(() -> verifier().verify(token))).as(token)
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aValidSignatureOverAPayloadThatIsNotAJsonObjectIsAnInvalidToken() {
        String input = b64(rs256(null).toString()) + "." + b64("[\"ADMIN\"]");
        String token = signRaw(input);
        assertThat(catchThrowable(() -> verifier().verify(token))).isInstanceOf(InvalidTokenException.class);
        String notJson = signRaw(b64(rs256(null).toString()) + "." + b64("not json"));
        assertThat(catchThrowable(() -> verifier().verify(notJson))).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void theReasonNeverContainsTheToken() {
        String token = sign(claims("ADMIN").add("iss", "https://evil.example.test"));
        assertThat(catchThrowable(() -> verifier().verify(token)).getMessage()).doesNotContain(token)
                .doesNotContain(token.split("\\.")[1]);
    }

    private static String signRaw(String input) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(KEY.getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair generateEc(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new java.security.spec.ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
