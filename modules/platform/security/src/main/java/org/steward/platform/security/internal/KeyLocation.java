package org.steward.platform.security.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code mp.jwt.verify.publickey.location}: an http(s) URL (an IdP's {@code jwks_uri}) or a file, holding a JWKS or a
 * PEM key. Read on every call; {@link VerificationKeys} caches it.
 */
final class KeyLocation implements JWKSetSource<SecurityContext> {

    private static final ResourceRetriever HTTP = new DefaultResourceRetriever(5_000, 10_000, 1024 * 1024);

    private final String where;
    private final Set<JWSAlgorithm> algorithms;

    KeyLocation(String where, Set<JWSAlgorithm> algorithms) {
        this.where = where;
        this.algorithms = Set.copyOf(algorithms);
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
            throws JWKSetRetrievalException, JWKSetParseException {
        String text;
        try {
            text = where.startsWith("http://") || where.startsWith("https://")
                    ? HTTP.retrieveResource(URI.create(where).toURL()).getContent()
                    : Files.readString(Path.of(where.startsWith("file:") ? URI.create(where).getPath() : where));
        } catch (IOException | IllegalArgumentException e) {
            throw new JWKSetRetrievalException("Cannot read the token verification keys from " + where + ": "
                    + e.getMessage(), e);
        }
        try {
            return PublicKeys.parse(text, algorithms);
        } catch (IllegalStateException e) {
            throw new JWKSetParseException(e.getMessage() + " (from " + where + ")", e);
        }
    }

    @Override
    public void close() {
        // nothing held open
    }
}
