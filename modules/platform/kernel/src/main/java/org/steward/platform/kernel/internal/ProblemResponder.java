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
import org.steward.platform.kernel.api.Problem;

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
        }
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        Problem body = new Problem(c.type().uri(), c.type().title(), c.type().status(), c.detail(), instance,
                correlationId, c.errors().isEmpty() ? null : c.errors());
        Response.ResponseBuilder out = Response.status(c.type().status()).type(Problem.MEDIA_TYPE).entity(body);
        if (thrown instanceof WebApplicationException web && web.getResponse() != null) {
            String allow = web.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                out.header(HttpHeaders.ALLOW, allow);
            }
        }
        return out.build();
    }
}
