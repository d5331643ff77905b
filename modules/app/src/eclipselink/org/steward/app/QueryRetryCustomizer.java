package org.steward.app;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink retries a query that failed on a broken connection 3 times, sleeping 5 s before the second and third
 * attempt: while the database is down, every request waited 10 s before its error. The pool validates connections
 * now, so one immediate retry (on a fresh connection) is all a dropped connection needs; a database that is down
 * fails the request at once, as a 503. Compiled by the app's build against Payara's EclipseLink (see pom.xml).
 */
public class QueryRetryCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        DatabaseLogin login = session.getLogin();
        login.setQueryRetryAttemptCount(1);
        login.setDelayBetweenConnectionAttempts(0);
    }
}
