package org.steward.subjectrights.internal.control;

/** A mail could not be handed to the SMTP server. The message names no address and no content. */
public class MailNotSent extends RuntimeException {

    public MailNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
