package org.steward.platform.kernel.api;

import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URI per kind of problem; clients branch on it, never on
 * {@code title} or {@code detail}. Bodies never carry stack traces or personal data values.
 */
public record Problem(String type, String title, int status, String detail, String instance, String correlationId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:steward:problem:";
}
