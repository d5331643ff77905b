package org.steward.platform.security.internal;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The keys tokens are verified with: either fixed, or read from a {@link KeyLocation} and cached. A cached set is
 * read again when it expires, and early when a token names a key it does not hold (the IdP rotated its keys). Early
 * reads are rate-limited (two per interval, Nimbus's {@link RateLimitedJWKSetSource}), so that a flood of tokens with
 * made-up key ids cannot hammer the IdP; the expiry read is not, so such a flood cannot hold stale keys in place
 * either. When a read fails, the keys already read stay in use: an IdP outage must not refuse every token.
 */
final class VerificationKeys {

    private static final Logger LOG = Logger.getLogger(VerificationKeys.class.getName());
    private static final long WAIT_FOR_A_READ_BY_ANOTHER_THREAD_MS = 15_000;

    private final JWKSetSource<SecurityContext> cache;
    private final JWKSetSource<SecurityContext> earlyRead;

    private VerificationKeys(JWKSetSource<SecurityContext> cache, JWKSetSource<SecurityContext> earlyRead) {
        this.cache = cache;
        this.earlyRead = earlyRead;
    }

    static VerificationKeys fixed(JWKSet keys) {
        JWKSetSource<SecurityContext> source = new JWKSetSource<>() {
            @Override
            public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long now, SecurityContext context) {
                return keys;
            }

            @Override
            public void close() {
                // nothing held open
            }
        };
        return new VerificationKeys(source, source);
    }

    static VerificationKeys cached(JWKSetSource<SecurityContext> location, Duration timeToLive,
                                   Duration earlyReadInterval) {
        JWKSetSource<SecurityContext> keepOnOutage = new OutageTolerantJWKSetSource<>(location, Long.MAX_VALUE,
                event -> {
                    if (event instanceof OutageTolerantJWKSetSource.OutageEvent<?> outage) {
                        LOG.warning("Token verification keys not refreshed, keeping the previous ones: "
                                + outage.getException().getMessage());
                    }
                });
        JWKSetSource<SecurityContext> cache = new CachingJWKSetSource<>(keepOnOutage, timeToLive.toMillis(),
                WAIT_FOR_A_READ_BY_ANOTHER_THREAD_MS, null);
        return new VerificationKeys(cache, new RateLimitedJWKSetSource<>(cache, earlyReadInterval.toMillis(), null));
    }

    /** The keys as last read; read now if there are none yet or they expired. */
    JWKSet current() throws KeySourceException {
        return cache.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), System.currentTimeMillis(), null);
    }

    /** The keys read again, unless another thread did so since {@code seen} or the rate limit says not yet. */
    JWKSet reread(JWKSet seen) throws KeySourceException {
        try {
            return earlyRead.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(seen),
                    System.currentTimeMillis(), null);
        } catch (RateLimitReachedException e) {
            return seen;
        }
    }
}
