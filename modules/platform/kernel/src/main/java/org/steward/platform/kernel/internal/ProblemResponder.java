package org.steward.platform.kernel.internal;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.platform.kernel.api.Correlation;
import org.steward.platform.kernel.api.DatabaseOutage;
import org.steward.platform.kernel.api.Problem;
import org.steward.platform.kernel.api.ProblemType;

/**
 * Writes any throwable as an RFC 9457 problem. The runtime ships its own mappers for some exception types (bean
 * validation, {@code @Transactional}); a mapper is chosen by the closest type, so each of those types gets a mapper
 * of ours that delegates here, and every error keeps one shape.
 */
public abstract class ProblemResponder {

    private static final Logger LOG = Logger.getLogger(ProblemResponder.class.getName());

    @Inject
    Correlation correlation;

    @Context
    UriInfo uriInfo;

    protected Response respond(Throwable thrown) {
        ProblemClassifier.Classified c = ProblemClassifier.classify(thrown);
        String correlationId = correlation.id();
        if (c.unexpected()) {
            LOG.log(Level.SEVERE, "Unexpected error, correlation id " + correlationId, thrown);
        } else if (c.type() == ProblemType.DATABASE_UNAVAILABLE) {
            // One line, no stack: an outage repeats this for every request until the database is back.
            LOG.warning("Database unreachable, answered 503 (correlation id " + correlationId + "): "
                    + rootMessage(thrown));
        }
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Problem body = new Problem(c.type().uri(), c.type().title(), c.type().status(), c.detail(), instance,
                correlationId, c.errors().isEmpty() ? null : c.errors());
        Response.ResponseBuilder out = Response.status(c.type().status()).type(Problem.MEDIA_TYPE).entity(body);
        if (c.type() == ProblemType.DATABASE_UNAVAILABLE) {
            out.header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        if (thrown instanceof WebApplicationException web && web.getResponse() != null) {
            String allow = web.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                out.header(HttpHeaders.ALLOW, allow);
            }
        }
        return out.build();
    }

    static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
