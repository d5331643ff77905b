package org.steward.sharing.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.sharing.internal.connector.WebhookSender;

/** The sharing module's settings (defaults in its microprofile-config.properties; each also an environment variable). */
@ApplicationScoped
public class SharingConfig {

    @Inject
    @ConfigProperty(name = "steward.sharing.objection-window", defaultValue = "P30D")
    Duration objectionWindow;

    /** Plain-http webhook, OpenDSR and callback URLs: only for tests and closed networks, never by default. */
    @Inject
    @ConfigProperty(name = "steward.sharing.allow-http", defaultValue = "false")
    boolean allowHttp;

    /** Recipient URLs on this network (loopback, private, link-local): only for tests and closed networks. */
    @Inject
    @ConfigProperty(name = "steward.sharing.allow-private-addresses", defaultValue = "false")
    boolean allowPrivateAddresses;

    @Inject
    @ConfigProperty(name = "steward.sharing.period", defaultValue = "PT15S")
    Duration period;

    @Inject
    @ConfigProperty(name = "steward.sharing.lease", defaultValue = "PT2M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "steward.sharing.confirmation-due", defaultValue = "P30D")
    Duration confirmationDue;

    @Inject
    @ConfigProperty(name = "steward.sharing.callback-tolerance", defaultValue = "PT5M")
    Duration callbackTolerance;

    @Inject
    @ConfigProperty(name = "steward.sharing.opendsr-poll", defaultValue = "PT1H")
    Duration openDsrPoll;

    @Inject
    @ConfigProperty(name = "steward.sharing.attempts-before-failing", defaultValue = "5")
    int attemptsBeforeFailing;

    @Inject
    @ConfigProperty(name = "steward.sharing.http-timeout", defaultValue = "PT10S")
    Duration httpTimeout;

    /** The first retry's delay; each later one doubles it, up to an hour, with 20% jitter either way. */
    @Inject
    @ConfigProperty(name = "steward.sharing.retry-delay", defaultValue = "PT10S")
    Duration retryDelay;

    /** Steward's public base URL, on which recipients' callback URLs are built. */
    @Inject
    @ConfigProperty(name = "steward.public-url")
    Optional<String> publicUrl;

    public Duration objectionWindow() {
        return objectionWindow;
    }

    public boolean allowHttp() {
        return allowHttp;
    }

    public boolean allowPrivateAddresses() {
        return allowPrivateAddresses;
    }

    /** What is wrong with a recipient's URL (the scheme and form, then where it points), or empty. */
    public java.util.Optional<String> urlProblem(String url) {
        java.util.Optional<String> form = org.steward.platform.kernel.api.net.OutboundUrls.problem(url, allowHttp);
        if (form.isPresent() || allowPrivateAddresses) {
            return form;
        }
        return org.steward.platform.kernel.api.net.PrivateAddresses.problem(java.net.URI.create(url).getHost());
    }

    public Duration period() {
        return period;
    }

    /** At least twice the HTTP timeout: a delivery still in flight is never taken over and sent twice. */
    public Duration lease() {
        Duration floor = httpTimeout.multipliedBy(2);
        return lease.compareTo(floor) < 0 ? floor : lease;
    }

    public Duration confirmationDue() {
        return confirmationDue;
    }

    public Duration callbackTolerance() {
        return callbackTolerance;
    }

    public Duration openDsrPoll() {
        return openDsrPoll;
    }

    public int attemptsBeforeFailing() {
        return attemptsBeforeFailing;
    }

    /** The delay before retry number {@code attempt} (1 for the first). */
    public Duration backoff(int attempt) {
        return new org.steward.platform.kernel.api.net.Backoff(retryDelay, ThreadLocalRandom.current()).delay(attempt);
    }

    public Duration httpTimeout() {
        return httpTimeout;
    }

    /** The base for links and callbacks, without a trailing slash; empty when not configured. */
    public Optional<String> publicUrl() {
        return publicUrl.map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.endsWith("/")
                ? s.substring(0, s.length() - 1) : s);
    }
}
