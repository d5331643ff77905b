package org.steward.subjectrights.internal.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a refused form post with its page, after the transaction has ended as the refusal requires. */
@Provider
public class RequestPageRefusalMapper implements ExceptionMapper<RequestPageRefusal> {

    @Override
    public Response toResponse(RequestPageRefusal refusal) {
        return refusal.page();
    }
}
