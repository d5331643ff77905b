package org.steward.platform.kernel.api.mail;

/**
 * A mail that could not be handed to the SMTP server. The message names no address and carries no cause: the
 * mail API's exceptions quote the recipients (an SMTP 550 reply, an address that does not parse), and whoever logs
 * this must not log them. {@link #permanent()} tells a caller that retrying the same mail cannot help.
 */
public class MailNotSent extends RuntimeException {

    private final boolean permanent;

    public MailNotSent(String message, boolean permanent) {
        super(message, null, false, true);
        this.permanent = permanent;
    }

    /** The recipient's address does not parse: the same mail will fail again. */
    public boolean permanent() {
        return permanent;
    }
}
