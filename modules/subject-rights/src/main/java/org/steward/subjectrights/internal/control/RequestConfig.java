package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.subjectrights.api.RequestType;

/** The module's settings ({@code steward.requests.*}; defaults in its microprofile-config.properties). */
@ApplicationScoped
public class RequestConfig {

    @Inject
    @ConfigProperty(name = "steward.requests.code-ttl", defaultValue = "PT10M")
    Duration codeTtl;

    @Inject
    @ConfigProperty(name = "steward.requests.code-attempts", defaultValue = "3")
    int codeAttempts;

    @Inject
    @ConfigProperty(name = "steward.requests.codes-per-request", defaultValue = "3")
    int codesPerRequest;

    @Inject
    @ConfigProperty(name = "steward.requests.stuck-after", defaultValue = "PT1H")
    Duration stuckAfter;

    @Inject
    @ConfigProperty(name = "steward.requests.due-soon-days", defaultValue = "7")
    int dueSoonDays;

    @Inject
    @ConfigProperty(name = "steward.requests.holidays", defaultValue = " ")
    String holidays;

    @Inject
    @ConfigProperty(name = "steward.requests.fulfilment-period", defaultValue = "PT5S")
    Duration fulfilmentPeriod;

    /** How long a claimed task stays with its instance: after a crash, another takes it over once this ran out. */
    @Inject
    @ConfigProperty(name = "steward.requests.task-lease", defaultValue = "PT10M")
    Duration taskLease;

    @Inject
    @ConfigProperty(name = "steward.requests.watchdog-period", defaultValue = "PT5M")
    Duration watchdogPeriod;

    @Inject
    @ConfigProperty(name = "steward.requests.task-attempts-before-failing", defaultValue = "3")
    int attemptsBeforeFailing;

    @Inject
    @ConfigProperty(name = "steward.requests.log-retention-months", defaultValue = "24")
    int logRetentionMonths;

    @Inject
    @ConfigProperty(name = "steward.requests.auto-approve", defaultValue = "WITHDRAW_CONSENT")
    String autoApprove;

    @Inject
    @ConfigProperty(name = "steward.requests.supervisory-authority")
    Optional<String> supervisoryAuthority;

    @Inject
    @ConfigProperty(name = "steward.public-url")
    Optional<String> publicUrl;

    public Duration codeTtl() { return codeTtl; }
    public int codeAttempts() { return codeAttempts; }
    public int codesPerRequest() { return codesPerRequest; }
    public Duration stuckAfter() { return stuckAfter; }
    public int dueSoonDays() { return dueSoonDays; }
    public String holidays() { return holidays.isBlank() ? "" : holidays.strip(); }
    public Duration fulfilmentPeriod() { return fulfilmentPeriod; }
    public Duration taskLease() { return taskLease; }
    public Duration watchdogPeriod() { return watchdogPeriod; }
    public int attemptsBeforeFailing() { return attemptsBeforeFailing; }
    public int logRetentionMonths() { return logRetentionMonths; }
    /** Types approved as soon as the identity is verified (withdrawal must be as easy as consent, Art. 7(3)). */
    public boolean autoApproved(RequestType type) {
        for (String t : autoApprove.split(",")) {
            if (t.strip().equals(type.name())) {
                return true;
            }
        }
        return false;
    }

    /** The authority named in every answer (policy §12: the right to complain to a supervisory authority). */
    public String supervisoryAuthority() {
        return supervisoryAuthority.map(String::strip).filter(s -> !s.isEmpty())
                .orElse("the data protection supervisory authority of the country where you live or work");
    }

    /** The server's public base URL without a trailing slash, when configured (links in mail). */
    public Optional<String> publicUrl() {
        return publicUrl.map(String::strip).filter(s -> s.startsWith("http://") || s.startsWith("https://"))
                .map(s -> s.replaceAll("/+$", ""));
    }
}
