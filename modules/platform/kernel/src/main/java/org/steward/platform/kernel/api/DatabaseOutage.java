package org.steward.platform.kernel.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means "the database cannot be reached right now" rather than a bug: such a request is answered
 * 503 with {@code Retry-After}, never 500. Read from the cause chain (EclipseLink, JTA and the connection pool wrap
 * the driver's exception), by standard types and SQLSTATE, so that it holds for every driver.
 */
public final class DatabaseOutage {

    /** What {@code Retry-After} says: about the time a restored database takes to be used again. */
    public static final long RETRY_AFTER_SECONDS = 5;

    /** Payara's pool, when it cannot hand out a connection (none can be created, or the wait ran out). */
    private static final java.util.Set<String> POOL_FAILURES = java.util.Set.of(
            "com.sun.appserv.connectors.internal.api.PoolingException",
            "jakarta.resource.ResourceException",
            "jakarta.resource.spi.ResourceAllocationException",
            "com.sun.enterprise.resource.allocator.ResourceAllocationException");

    private DatabaseOutage() {
    }

    public static boolean causes(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || POOL_FAILURES.contains(t.getClass().getName())) {
                return true;
            }
            if (t instanceof SQLException sql && (connectionState(sql.getSQLState())
                    || sql.getNextException() != null && connectionState(sql.getNextException().getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 is "connection exception"; 57P01-57P03 are PostgreSQL's "terminated by the administrator",
     * "crash shutdown" and "cannot connect now" (starting up or shutting down).
     */
    static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
