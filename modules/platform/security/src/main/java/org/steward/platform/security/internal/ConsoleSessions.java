package org.steward.platform.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.Caller;

/**
 * Console sessions: a cookie for the browser, and a CSRF token that the console's script sends in a header. A request
 * that carries the cookie without the matching header gets no authority at all (a cross-site form or link cannot
 * set the header). Each request reads the user's row, so a disabled user or changed roles take effect at once.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "steward_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** A new session's two secrets, each shown once: the cookie's token and the page's CSRF token. */
    public record Opened(String token, String csrfToken, User user, OffsetDateTime expiresAt) {
    }

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "steward.console.session.idle-timeout", defaultValue = "PT30M")
    Duration idle;

    @Inject
    @ConfigProperty(name = "steward.console.session.lifetime", defaultValue = "PT12H")
    Duration lifetime;

    @Transactional
    public Opened open(User user) {
        OffsetDateTime now = Times.now(clock);
        em.createQuery("DELETE FROM ConsoleSession s WHERE s.expiresAt < :now OR s.lastSeenAt < :idle")
                .setParameter("now", now).setParameter("idle", now.minus(idle)).executeUpdate();
        String token = ApiKeySecret.newSecret();
        String csrf = ApiKeySecret.newSecret();
        ConsoleSession session = new ConsoleSession(ApiKeySecret.hash(token), ApiKeySecret.hash(csrf), user.id(), now,
                now.plus(lifetime));
        em.persist(session);
        return new Opened(token, csrf, user, session.expiresAt());
    }

    /** The caller of a live session whose CSRF token matches; empty for anything else. */
    @Transactional
    public Optional<Caller> authenticate(String token, String csrfToken) {
        if (!wellFormed(token) || !wellFormed(csrfToken)) {
            return Optional.empty();
        }
        ConsoleSession session = em.find(ConsoleSession.class, ApiKeySecret.hash(token));
        OffsetDateTime now = Times.now(clock);
        if (session == null || !ApiKeySecret.matches(csrfToken, session.csrfHash())) {
            return Optional.empty();
        }
        if (!session.liveAt(now, idle)) {
            em.remove(session);
            return Optional.empty();
        }
        User user = em.find(User.class, session.userId());
        if (user == null || !user.enabled()) {
            em.remove(session);
            return Optional.empty();
        }
        if (session.seenLongAgo(now)) {
            session.seen(now);
        }
        return Optional.of(user.caller());
    }

    @Transactional
    public void close(String token) {
        if (wellFormed(token)) {
            ConsoleSession session = em.find(ConsoleSession.class, ApiKeySecret.hash(token));
            if (session != null) {
                em.remove(session);
            }
        }
    }

    /** Ends every session of a user: a changed password, a disabled user or new roles sign them out everywhere. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeAll(String userId) {
        em.createQuery("DELETE FROM ConsoleSession s WHERE s.userId = :u").setParameter("u", userId).executeUpdate();
    }

    /** Our tokens are 43 base64url characters; anything else is not looked up. */
    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
