package org.steward.platform.security.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token verifier built from the standard MicroProfile JWT keys, so that any OIDC provider plugs in:
 * {@code mp.jwt.verify.publickey} (PEM, base64 or JWKS) or {@code mp.jwt.verify.publickey.location} (a file or an
 * http(s) JWKS URL, cached for 10 minutes and re-read early when a token names a key id it does not know),
 * {@code mp.jwt.verify.publickey.algorithm} (RS256, ES256, or both comma-separated; RS256 by default),
 * {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences}.
 */
@ApplicationScoped
public class TokenKeys {

    private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());
    static final Duration CACHED_FOR = Duration.ofMinutes(10);
    /** Two early re-reads per this interval at most (Nimbus's rate limit). */
    static final Duration EARLY_READS_PER = Duration.ofSeconds(30);

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> location;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm", defaultValue = "RS256")
    String algorithm;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "steward.jwt.roles-claim", defaultValue = "groups")
    String rolesClaim;

    @Inject
    @ConfigProperty(name = "steward.jwt.tenant-claim", defaultValue = "tenant_id")
    String tenantClaim;

    private volatile JwtVerifier verifier;

    @PostConstruct
    void init() {
        if (publicKey.isPresent() || location.isPresent()) {
            LOG.info("Bearer tokens accepted from issuer " + issuer.orElse("(none configured: all refused)"));
        }
    }

    public boolean configured() {
        return inlineKey().isPresent() || location.filter(s -> !s.isBlank()).isPresent();
    }

    /**
     * Built on first use. A key configured inline that cannot be read fails every call (and is retried), like keys
     * at a location that has never been read.
     *
     * @throws IllegalStateException the keys or the algorithm setting cannot be read
     */
    public JwtVerifier verifier() {
        JwtVerifier v = verifier;
        if (v == null) {
            synchronized (this) {
                if (verifier == null) {
                    verifier = build();
                }
                v = verifier;
            }
        }
        return v;
    }

    private JwtVerifier build() {
        var algorithms = JwtVerifier.algorithms(algorithm);
        VerificationKeys keys = inlineKey().map(text -> VerificationKeys.fixed(PublicKeys.parse(text, algorithms)))
                .orElseGet(() -> VerificationKeys.cached(new KeyLocation(location.orElseThrow().strip(), algorithms),
                        CACHED_FOR, EARLY_READS_PER));
        List<String> aud = audiences.map(a -> Arrays.stream(a.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        return new JwtVerifier(keys, algorithms, issuer.orElse(null), aud, rolesClaim, tenantClaim, Instant::now);
    }

    private Optional<String> inlineKey() {
        return publicKey.filter(s -> !s.isBlank());
    }
}
