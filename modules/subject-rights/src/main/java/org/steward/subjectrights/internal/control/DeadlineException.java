package org.steward.subjectrights.internal.control;

/** A deadline change the law does not allow; {@link #field()} names the input at fault, for the 4xx problem. */
public class DeadlineException extends RuntimeException {

    private final String field;

    public DeadlineException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
