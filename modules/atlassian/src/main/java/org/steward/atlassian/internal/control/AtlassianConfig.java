package org.steward.atlassian.internal.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.atlassian.internal.connector.AtlassianHttp;
import org.steward.atlassian.internal.connector.JsmClient;
import org.steward.atlassian.internal.connector.OAuthTokens;
import org.steward.atlassian.internal.connector.ReportClient;
import org.steward.platform.kernel.api.net.Backoff;

/** The atlassian module's settings (defaults in its microprofile-config.properties), and its HTTP clients. */
@ApplicationScoped
public class AtlassianConfig {

    /** Atlassian asks apps to back off patiently: retries wait up to six hours. */
    static final Duration BACKOFF_CAP = Duration.ofHours(6);

    @Inject
    @ConfigProperty(name = "steward.atlassian.period", defaultValue = "PT20S")
    Duration period;

    @Inject
    @ConfigProperty(name = "steward.atlassian.cycle", defaultValue = "P7D")
    Duration cycle;

    @Inject
    @ConfigProperty(name = "steward.atlassian.allow-http", defaultValue = "false")
    boolean allowHttp;

    @Inject
    @ConfigProperty(name = "steward.atlassian.allow-private-addresses", defaultValue = "false")
    boolean allowPrivateAddresses;

    @Inject
    @ConfigProperty(name = "steward.atlassian.retry-delay", defaultValue = "PT1M")
    Duration retryDelay;

    @Inject
    @ConfigProperty(name = "steward.atlassian.poll-period", defaultValue = "PT5M")
    Duration pollPeriod;

    @Inject
    @ConfigProperty(name = "steward.atlassian.http-timeout", defaultValue = "PT20S")
    Duration httpTimeout;

    @Inject
    @ConfigProperty(name = "steward.atlassian.lease", defaultValue = "PT2M")
    Duration lease;

    private AtlassianHttp http;
    private ReportClient reports;
    private JsmClient jsm;
    private OAuthTokens tokens;

    @PostConstruct
    void start() {
        http = new AtlassianHttp(httpTimeout, allowHttp, allowPrivateAddresses);
        reports = new ReportClient(http);
        jsm = new JsmClient(http);
        tokens = new OAuthTokens(http);
    }

    public Duration period() {
        return period;
    }

    public Duration cycle() {
        return cycle;
    }

    public Duration pollPeriod() {
        return pollPeriod;
    }

    /**
     * How long a reporting run, a desk's poll, a ticket's intake or a comment stays with its instance; after a crash
     * another instance takes it over once this ran out. At least four HTTP timeouts, so that a batch or comment in
     * flight is never taken over and sent twice.
     */
    public Duration lease() {
        Duration floor = httpTimeout.multipliedBy(4);
        return lease.compareTo(floor) < 0 ? floor : lease;
    }

    /** The delay before retry number {@code attempt} (1 for the first), spread ±20%. */
    public Duration backoff(int attempt) {
        return new Backoff(retryDelay, BACKOFF_CAP, ThreadLocalRandom.current()).delay(Math.max(1, attempt));
    }

    /**
     * A spread of up to a tenth of the period (at most five minutes) added to each schedule, so that cycles and polls
     * neither fall on the hour nor start together.
     */
    public Duration jitter() {
        long bound = Math.max(1, Math.min(period.toMillis() / 10, Duration.ofMinutes(5).toMillis()));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound));
    }

    /** Up to ten minutes (at most a hundredth of the cycle) after one cycle's end before the next one starts. */
    public Duration cycleJitter() {
        long bound = Math.max(1, Math.min(cycle.toMillis() / 100, Duration.ofMinutes(10).toMillis()));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound));
    }

    public AtlassianHttp http() {
        return http;
    }

    public ReportClient reports() {
        return reports;
    }

    public JsmClient jsm() {
        return jsm;
    }

    public OAuthTokens tokens() {
        return tokens;
    }
}
