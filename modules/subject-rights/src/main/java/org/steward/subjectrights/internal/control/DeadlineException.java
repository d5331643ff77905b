package org.steward.subjectrights.internal.control;

/** An extension the law does not allow; {@code field} names the input at fault. */
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
