package org.steward.platform.security.api;

import java.time.OffsetDateTime;
import org.steward.platform.kernel.api.DomainEvent;

/**
 * A login was refused (wrong credentials) or throttled. Carries the credential scheme only: a username may be an
 * email address. Observed synchronously by the audit log, which records it in a transaction of its own.
 *
 * @param scheme    {@code basic}, {@code bearer}, {@code api-key}, ...
 * @param throttled true when the refusal was the login throttle's (HTTP 429)
 */
public record AuthenticationRefused(String scheme, boolean throttled, OffsetDateTime occurredAt)
        implements DomainEvent {
}
