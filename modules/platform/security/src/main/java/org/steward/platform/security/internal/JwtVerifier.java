package org.steward.platform.security.internal;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.steward.platform.security.api.Caller;
import org.steward.platform.security.api.Role;
import org.steward.platform.security.api.Roles;

/**
 * Verifies OIDC access tokens with the JDK alone: RS256 only (no "none", no HMAC confusion), then issuer, expiry and
 * not-before with 60 s of clock skew, and the audience when one is configured. Roles come from a configurable claim
 * (a dotted path such as Keycloak's {@code realm_access.roles}); names that are not Steward roles are ignored.
 */
public final class JwtVerifier {

    static final Duration SKEW = Duration.ofSeconds(60);

    private final Map<String, PublicKey> keysById;
    private final String issuer;
    private final List<String> audiences;
    private final String rolesClaim;
    private final String tenantClaim;
    private final Supplier<Instant> clock;

    public JwtVerifier(Map<String, PublicKey> keysById, String issuer, List<String> audiences, String rolesClaim,
                       String tenantClaim, Supplier<Instant> clock) {
        this.keysById = Map.copyOf(keysById);
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.rolesClaim = rolesClaim;
        this.tenantClaim = tenantClaim;
        this.clock = clock;
    }

    public Caller verify(String token) throws InvalidTokenException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("not a signed JWT");
        }
        JsonObject header = json(parts[0], "header");
        if (!"RS256".equals(header.getString("alg", null))) {
            throw new InvalidTokenException("only RS256 tokens are accepted");
        }
        PublicKey key = keyFor(header.getString("kid", null));
        if (!signatureValid(key, parts)) {
            throw new InvalidTokenException("bad signature");
        }
        JsonObject claims = json(parts[1], "claims");
        checkTimes(claims);
        if (issuer == null || !issuer.equals(claims.getString("iss", null))) {
            throw new InvalidTokenException("wrong issuer");
        }
        if (!audiences.isEmpty() && !audienceMatches(claims.get("aud"))) {
            throw new InvalidTokenException("wrong audience");
        }
        String subject = claims.getString("sub", null);
        if (subject == null || subject.isBlank()) {
            throw new InvalidTokenException("no subject");
        }
        String tenant = claims.get(tenantClaim) instanceof JsonString s ? s.getString() : null;
        Set<Role> roles = roles(claims);
        if (roles.contains(Role.SERVICE) && (tenant == null || tenant.isBlank())) {
            // As for users and API keys (Grants): a machine client is always bound to one tenant.
            throw new InvalidTokenException("a token with the SERVICE role must name its tenant in " + tenantClaim);
        }
        return new Caller("token:" + subject, Caller.Kind.TOKEN, roles, tenant);
    }

    private PublicKey keyFor(String kid) throws InvalidTokenException {
        if (keysById.isEmpty()) {
            throw new InvalidTokenException("no token verification key is configured");
        }
        if (kid != null && keysById.containsKey(kid)) {
            return keysById.get(kid);
        }
        if (keysById.size() == 1) {
            return keysById.values().iterator().next();
        }
        throw new InvalidTokenException("unknown key id");
    }

    private static boolean signatureValid(PublicKey key, String[] parts) throws InvalidTokenException {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("malformed signature");
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private void checkTimes(JsonObject claims) throws InvalidTokenException {
        Instant now = clock.get();
        if (!(claims.get("exp") instanceof jakarta.json.JsonNumber exp)) {
            throw new InvalidTokenException("no expiry");
        }
        if (now.minus(SKEW).isAfter(instant(exp))) {
            throw new InvalidTokenException("expired");
        }
        if (claims.get("nbf") instanceof jakarta.json.JsonNumber nbf && now.plus(SKEW).isBefore(instant(nbf))) {
            throw new InvalidTokenException("not yet valid");
        }
    }

    /** A NumericDate (seconds, possibly fractional); one that no Instant can hold makes the token invalid. */
    private static Instant instant(jakarta.json.JsonNumber seconds) throws InvalidTokenException {
        try {
            return Instant.ofEpochSecond(seconds.bigDecimalValue()
                    .setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new InvalidTokenException("malformed time claim");
        }
    }

    private boolean audienceMatches(JsonValue aud) {
        if (aud instanceof JsonString s) {
            return audiences.contains(s.getString());
        }
        if (aud instanceof JsonArray a) {
            return a.stream().anyMatch(v -> v instanceof JsonString s && audiences.contains(s.getString()));
        }
        return false;
    }

    private Set<Role> roles(JsonObject claims) {
        JsonValue node = claims;
        for (String step : rolesClaim.split("\\.")) {
            node = node instanceof JsonObject o ? o.get(step) : null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (node instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    try {
                        roles.add(Role.valueOf(s.getString()));
                    } catch (IllegalArgumentException e) {
                        // an IdP role that means nothing to Steward
                    }
                }
            }
        }
        return roles;
    }

    private static JsonObject json(String part, String what) throws InvalidTokenException {
        try (var reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new InvalidTokenException("malformed " + what);
        }
    }
}
