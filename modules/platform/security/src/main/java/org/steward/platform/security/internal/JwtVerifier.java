package org.steward.platform.security.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.Role;

/**
 * Verifies OIDC access tokens with Nimbus JOSE+JWT. The header's algorithm must be one of the accepted ones (RS256,
 * ES256 when configured) before anything else happens, so "none", any HMAC (a public key used as an HMAC secret) and
 * unknown algorithms are refused outright. Then the signature with the key the token names, issuer, expiry and
 * not-before with 60 s of clock skew, and the audience when one is configured. Roles come from a configurable claim
 * (a dotted path such as Keycloak's {@code realm_access.roles}); names that are not Steward roles are ignored.
 */
public final class JwtVerifier {

    static final Duration SKEW = Duration.ofSeconds(60);
    /** In the order the refusal names them. */
    static final List<JWSAlgorithm> SUPPORTED = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final VerificationKeys keys;
    private final Set<JWSAlgorithm> algorithms;
    private final String issuer;
    private final List<String> audiences;
    private final String rolesClaim;
    private final String tenantClaim;
    private final Supplier<Instant> clock;

    JwtVerifier(VerificationKeys keys, Set<JWSAlgorithm> algorithms, String issuer, List<String> audiences,
                String rolesClaim, String tenantClaim, Supplier<Instant> clock) {
        this.keys = keys;
        this.algorithms = Set.copyOf(algorithms);
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.rolesClaim = rolesClaim;
        this.tenantClaim = tenantClaim;
        this.clock = clock;
    }

    /**
     * The algorithms of {@code mp.jwt.verify.publickey.algorithm}: RS256 or ES256 as MicroProfile JWT defines it, or
     * both, comma-separated, while an IdP moves from one to the other.
     */
    static Set<JWSAlgorithm> algorithms(String setting) {
        Set<JWSAlgorithm> chosen = Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(name -> SUPPORTED.stream().filter(a -> a.getName().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("mp.jwt.verify.publickey.algorithm: " + name
                                + " is not supported; use " + names(SUPPORTED))))
                .collect(Collectors.toSet());
        if (chosen.isEmpty()) {
            throw new IllegalStateException("mp.jwt.verify.publickey.algorithm names no algorithm");
        }
        return chosen;
    }

    static String names(Collection<JWSAlgorithm> algorithms) {
        return SUPPORTED.stream().filter(algorithms::contains).map(JWSAlgorithm::getName)
                .collect(Collectors.joining(" or "));
    }

    /**
     * @throws InvalidTokenException the token is not acceptable (the reason never contains the token)
     * @throws IllegalStateException the verification keys cannot be read
     */
    public Caller verify(String token) throws InvalidTokenException {
        SignedJWT jwt = parse(token);
        if (!signatureValid(jwt, keyFor(jwt.getHeader()))) {
            throw new InvalidTokenException("bad signature");
        }
        Map<String, Object> claims = jwt.getPayload().toJSONObject();
        if (claims == null) {
            throw new InvalidTokenException("malformed claims");
        }
        checkTimes(claims);
        if (issuer == null || !issuer.equals(claims.get("iss"))) {
            throw new InvalidTokenException("wrong issuer");
        }
        if (!audiences.isEmpty() && !audienceMatches(claims.get("aud"))) {
            throw new InvalidTokenException("wrong audience");
        }
        String subject = claims.get("sub") instanceof String s ? s : null;
        if (subject == null || subject.isBlank()) {
            throw new InvalidTokenException("no subject");
        }
        String tenant = claims.get(tenantClaim) instanceof String s ? s : null;
        Set<Role> roles = roles(claims);
        if (roles.contains(Role.SERVICE) && (tenant == null || tenant.isBlank())) {
            // As for users and API keys (Grants): a machine client is always bound to one tenant.
            throw new InvalidTokenException("a token with the SERVICE role must name its tenant in " + tenantClaim);
        }
        return new Caller("token:" + subject, Caller.Kind.TOKEN, roles, tenant);
    }

    private SignedJWT parse(String token) throws InvalidTokenException {
        try {
            Base64URL[] parts = JOSEObject.split(token);
            if (parts.length != 3) {
                throw new InvalidTokenException("not a signed JWT");
            }
            Map<String, Object> header;
            try {
                header = JSONObjectUtils.parse(parts[0].decodeToString());
            } catch (ParseException e) {
                throw new InvalidTokenException("malformed header");
            }
            if (!(header.get("alg") instanceof String alg) || SUPPORTED.stream()
                    .noneMatch(a -> a.getName().equals(alg) && algorithms.contains(a))) {
                throw new InvalidTokenException("only " + names(algorithms) + " tokens are accepted");
            }
            if (parts[2].toString().isEmpty()) {
                throw new InvalidTokenException("bad signature"); // Nimbus would not even parse it
            }
            try {
                return new SignedJWT(parts[0], parts[1], parts[2]);
            } catch (ParseException e) {
                throw new InvalidTokenException("malformed header");
            }
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException("not a signed JWT");
        }
    }

    private JWK keyFor(JWSHeader header) throws InvalidTokenException {
        JWSAlgorithm alg = header.getAlgorithm();
        String kid = header.getKeyID();
        JWKSet set;
        try {
            set = keys.current();
            if (matching(set, alg, kid).isEmpty()) {
                set = keys.reread(set); // the IdP may have rotated its keys since they were read
            }
        } catch (KeySourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<JWK> named = matching(set, alg, kid);
        if (kid != null && !named.isEmpty()) {
            return named.get(0);
        }
        List<JWK> usable = matching(set, alg, null);
        if (usable.isEmpty()) {
            throw new InvalidTokenException("no token verification key is configured");
        }
        if (usable.size() == 1) {
            return usable.get(0); // the only key: whatever the token's kid says, it must verify with this one
        }
        throw new InvalidTokenException("unknown key id");
    }

    private static List<JWK> matching(JWKSet set, JWSAlgorithm alg, String kid) {
        JWKMatcher.Builder m = new JWKMatcher.Builder().keyType(KeyType.forAlgorithm(alg))
                .keyUses(KeyUse.SIGNATURE, null).algorithms(alg, null);
        if (JWSAlgorithm.ES256.equals(alg)) {
            m.curves(Curve.P_256);
        }
        if (kid != null) {
            m.keyID(kid);
        }
        return new JWKSelector(m.build()).select(set);
    }

    private static boolean signatureValid(SignedJWT jwt, JWK key) {
        try {
            return jwt.verify(key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key));
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private void checkTimes(Map<String, Object> claims) throws InvalidTokenException {
        Instant now = clock.get();
        if (!(claims.get("exp") instanceof Number exp)) {
            throw new InvalidTokenException("no expiry");
        }
        if (now.minus(SKEW).isAfter(instant(exp))) {
            throw new InvalidTokenException("expired");
        }
        if (claims.get("nbf") instanceof Number nbf && now.plus(SKEW).isBefore(instant(nbf))) {
            throw new InvalidTokenException("not yet valid");
        }
    }

    /** A NumericDate (seconds, possibly fractional); one that no Instant can hold makes the token invalid. */
    private static Instant instant(Number seconds) throws InvalidTokenException {
        try {
            return Instant.ofEpochSecond(new BigDecimal(seconds.toString()).setScale(0, RoundingMode.FLOOR)
                    .longValueExact());
        } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
            throw new InvalidTokenException("malformed time claim");
        }
    }

    private boolean audienceMatches(Object aud) {
        if (aud instanceof String s) {
            return audiences.contains(s);
        }
        if (aud instanceof List<?> list) {
            return list.stream().anyMatch(v -> v instanceof String s && audiences.contains(s));
        }
        return false;
    }

    private Set<Role> roles(Map<String, Object> claims) {
        Object node = claims;
        for (String step : rolesClaim.split("\\.")) {
            node = node instanceof Map<?, ?> m ? m.get(step) : null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (node instanceof List<?> list) {
            for (Object v : list) {
                if (v instanceof String s) {
                    try {
                        roles.add(Role.valueOf(s));
                    } catch (IllegalArgumentException e) {
                        // an IdP role that means nothing to Steward
                    }
                }
            }
        }
        return roles;
    }
}
