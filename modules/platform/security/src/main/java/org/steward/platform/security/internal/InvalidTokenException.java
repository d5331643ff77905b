package org.steward.platform.security.internal;

/** A bearer token that is not acceptable; the message says why, and never contains the token. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
