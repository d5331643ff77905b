package org.steward.platform.kernel.api;


/** JAX-RS passes null for an empty body, and {@code @NotNull} on a body parameter breaks Payara's OpenAPI (7649). */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T require(T body) {
        if (body == null) {
            throw new ProblemException(ProblemType.MISSING_BODY, "This request needs a JSON body");
        }
        return body;
    }
}
