package org.steward.platform.kernel.internal;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Replaces the runtime's HTML 400 for bean-validation failures. */
@Provider
public class ConstraintViolationMapper extends ProblemResponder
        implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException thrown) {
        return respond(thrown);
    }
}
