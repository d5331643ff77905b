package org.steward.platform.kernel.api;

/** The stable kinds of problem that Steward answers with. The slug becomes the {@code type} URI. */
public enum ProblemType {
    VALIDATION(400, "The request is not valid"),
    MALFORMED_JSON(400, "The request body is not valid JSON"),
    UNKNOWN_FIELD(400, "The request body has a field that is not allowed"),
    WRONG_TYPE(400, "A field has the wrong type"),
    MISSING_BODY(400, "The request body is missing"),
    UNAUTHORIZED(401, "Authentication is required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    DATA_CENTER_NO_PERSONAL_DATA(422, "Data Center tenants keep their personal data on their own premises"),
    SENSITIVE_DATA(422, "Sensitive personal data is never accepted"),
    BUSINESS_RULE(422, "The request breaks a business rule"),
    LICENCE_ENDED(422, "The tenant's licence has ended: it accepts no personal data"),
    PROCESSING_RESTRICTED(422, "The subject's processing is restricted: their data is only stored"),
    VERIFICATION_FAILED(422, "The verification code is wrong, expired or used up"),
    SALE_PROHIBITED(422, "Personal data is never sold, rented or traded"),
    DISCLOSURE_REFUSED(422, "This disclosure is not allowed: do not send the data"),
    SIGNATURE_REFUSED(400, "The callback's signature is missing, wrong, outside its time window, or replayed"),
    SHARING_OBJECTED(409, "The subject's choices forbid this disclosure: do not send the data"),
    ILLEGAL_TRANSITION(409, "The request is not in a state that allows this"),
    EXPORT_LINK_USED(410, "This download link was already used"),
    EXPORT_LINK_EXPIRED(410, "This download link has expired"),
    INTERNAL(500, "Internal error"),
    DATABASE_UNAVAILABLE(503, "The database cannot be reached; try again shortly");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return Problem.TYPE_PREFIX + name().toLowerCase().replace('_', '-');
    }
}
