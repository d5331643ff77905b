package org.steward.subjectrights.internal.control;

/** Internal: a mail row was queued; it is sent once the queuing transaction committed. */
record MailQueued(String mailId) {
}
