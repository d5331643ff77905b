package org.steward.platform.kernel.internal;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A failure inside a {@code @Transactional} method: the problem is found in its cause chain. */
@Provider
public class TransactionalExceptionMapper extends ProblemResponder
        implements ExceptionMapper<TransactionalException> {

    @Override
    public Response toResponse(TransactionalException thrown) {
        return respond(thrown);
    }
}
