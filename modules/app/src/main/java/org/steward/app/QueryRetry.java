package org.steward.app;

import jakarta.persistence.EntityManager;
import java.util.logging.Logger;

/**
 * EclipseLink retries a query that failed on a broken connection 3 times, sleeping 5 s before each further attempt:
 * while the database was down, every request waited 10 s for its error (measured: 10.2 s per 503 without this).
 * The pool validates its connections, so one immediate retry on a fresh connection is all a dropped connection
 * needs. Set through reflection on the session, because a {@code SessionCustomizer} in the WAR cannot be loaded in
 * the EAR on Payara Server (NoClassDefFoundError: the EclipseLink API is not visible there).
 */
final class QueryRetry {

    private static final Logger LOG = Logger.getLogger(QueryRetry.class.getName());

    private QueryRetry() {
    }

    static void limit(EntityManager em) {
        try {
            Object delegate = em.getDelegate();
            Object session = delegate.getClass().getMethod("getServerSession").invoke(delegate);
            Object login = session.getClass().getMethod("getLogin").invoke(session);
            login.getClass().getMethod("setQueryRetryAttemptCount", int.class).invoke(login, 1);
            login.getClass().getMethod("setDelayBetweenConnectionAttempts", int.class).invoke(login, 0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not fatal: requests during an outage then wait 10 s for their 503.
            LOG.warning("Could not limit EclipseLink's query retries: " + e);
        }
    }
}
