package org.steward.subjectrights.internal.boundary;

import jakarta.ws.rs.core.Response;

/** A refused form post of the privacy center, already rendered as its HTML page (see {@link RequestPages}). */
class RequestPageRefusal extends RuntimeException {

    private final transient Response page;

    RequestPageRefusal(Response page) {
        super(null, null, false, false);
        this.page = page;
    }

    Response page() {
        return page;
    }
}
