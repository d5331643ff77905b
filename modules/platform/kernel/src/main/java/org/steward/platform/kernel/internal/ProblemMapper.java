package org.steward.platform.kernel.internal;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every error that leaves the API is a problem; unexpected ones are logged under their correlation id. */
@Provider
public class ProblemMapper extends ProblemResponder implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable thrown) {
        return respond(thrown);
    }
}
