package org.steward.atlassian.internal.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.steward.atlassian.internal.entity.Reporting;

/** A tenant's reporting: its configuration (no credential) and where it stands. */
@Schema(name = "AtlassianReporting")
public record ReportingView(
        @Schema(required = true, format = "uuid") String tenantId,
        @Schema(required = true, enumeration = {"OAUTH", "CONNECT"}) String mode,
        @Schema(required = true) String baseUrl,
        String appKey,
        @Schema(required = true, enumeration = {"ACCESS_TOKEN", "OAUTH_CLIENT", "SHARED_SECRET"}, description = "What"
                + " the stored (never shown) credential is") String credential,
        @Schema(description = "OAUTH_CLIENT: the client id") String clientId,
        @Schema(format = "date-time", description = "OAUTH_CLIENT: when the access token bought last runs out")
        OffsetDateTime tokenExpiresAt,
        @Schema(required = true, enumeration = {"MARK_STALE", "ERASE_STALE_FIELDS"}) String onUpdated,
        @Schema(required = true) boolean enabled,
        @Schema(required = true, description = "The reporting cycle (ISO-8601), as Atlassian's Cycle-Period last set it")
        String cycle,
        @Schema(required = true, description = "Whether a cycle is being walked now") boolean cycleInProgress,
        @Schema(format = "date-time") OffsetDateTime cycleStartedAt,
        @Schema(format = "date-time") OffsetDateTime lastCycleStartedAt,
        @Schema(format = "date-time") OffsetDateTime lastCycleEndedAt,
        @Schema(required = true, format = "date-time") OffsetDateTime nextCycleAt,
        @Schema(required = true, description = "Accounts reported, in all") long accountsReported,
        @Schema(required = true, description = "Accounts Atlassian reported closed (each erased)") long accountsClosed,
        @Schema(required = true, description = "Accounts Atlassian reported updated (each marked stale)")
        long accountsUpdated,
        @Schema(required = true) long batchesSent,
        @Schema(format = "date-time") OffsetDateTime lastBatchAt,
        @Schema(description = "The last refusal or outage (no personal data)") String lastError,
        @Schema(format = "date-time") OffsetDateTime lastErrorAt,
        @Schema(format = "date-time", description = "Set while waiting after a 429 (Retry-After) or a failure")
        OffsetDateTime backoffUntil,
        @Schema(required = true, description = "Failures in a row (a 429 is not one)") int consecutiveFailures,
        @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

    /** Whole days as days (P7D, as Atlassian writes it), anything else as Java prints it. */
    static String iso(java.time.Duration d) {
        return d.toSeconds() % 86_400 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    static ReportingView of(Reporting r, OffsetDateTime now) {
        return new ReportingView(r.tenantId(), r.mode().name(), r.baseUrl(), r.appKey(), r.credentialKind().name(),
                r.clientId(), r.tokenExpiresAt(), r.onUpdated().name(),
                r.enabled(), iso(r.cycle()), r.cycleStartedAt() != null, r.cycleStartedAt(),
                r.lastCycleStartedAt(), r.lastCycleEndedAt(), r.nextCycleAt(), r.accountsReported(),
                r.accountsClosed(), r.accountsUpdated(), r.batchesSent(), r.lastBatchAt(), r.lastError(),
                r.lastErrorAt(), r.backoffUntil() != null && r.backoffUntil().isAfter(now) ? r.backoffUntil() : null,
                r.failures(), r.updatedAt());
    }
}
