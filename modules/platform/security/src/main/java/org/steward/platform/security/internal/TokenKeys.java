package org.steward.platform.security.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * http(s) JWKS URL, re-read every 10 minutes), {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences}.
 */
@ApplicationScoped
public class TokenKeys {

    private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());
    private static final Duration REFRESH = Duration.ofMinutes(10);

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> location;

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
    private volatile Instant loadedAt = Instant.EPOCH;

    @PostConstruct
    void init() {
        if (publicKey.isPresent() || location.isPresent()) {
            LOG.info("Bearer tokens accepted from issuer " + issuer.orElse("(none configured: all refused)"));
        }
    }

    public boolean configured() {
        return publicKey.filter(s -> !s.isBlank()).isPresent() || location.filter(s -> !s.isBlank()).isPresent();
    }

    public JwtVerifier verifier() {
        JwtVerifier v = verifier;
        boolean remote = location.filter(l -> l.startsWith("http")).isPresent();
        if (v == null || (remote && Instant.now().isAfter(loadedAt.plus(REFRESH)))) {
            synchronized (this) {
                if (verifier != v) {
                    return verifier; // another request refreshed it meanwhile
                }
                try {
                    v = build();
                } catch (IllegalStateException e) {
                    if (v == null) {
                        throw e;
                    }
                    // The IdP is unreachable: keep the keys we have rather than refuse every token; retry later.
                    LOG.warning("Token verification keys not refreshed, keeping the previous ones: " + e.getMessage());
                }
                verifier = v;
                loadedAt = Instant.now();
            }
        }
        return v;
    }

    private JwtVerifier build() {
        String text = publicKey.filter(s -> !s.isBlank()).orElseGet(this::readLocation);
        List<String> aud = audiences.map(a -> Arrays.stream(a.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        return new JwtVerifier(PublicKeys.parse(text), issuer.orElse(null), aud, rolesClaim, tenantClaim,
                Instant::now);
    }

    private String readLocation() {
        String where = location.orElseThrow();
        try {
            if (where.startsWith("http://") || where.startsWith("https://")) {
                HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                        .send(HttpRequest.newBuilder(URI.create(where)).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("JWKS at " + where + " answered " + r.statusCode());
                }
                return r.body();
            }
            return Files.readString(Path.of(where.startsWith("file:") ? URI.create(where).getPath() : where));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the token verification key from " + where, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
