package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.platform.kernel.api.InstanceId;

/** The retention module's settings (see config/steward.env.example) and this instance's lease-owner id. */
@ApplicationScoped
public class RetentionConfig {

    @Inject
    @ConfigProperty(name = "steward.retention.sweep-period", defaultValue = "PT1M")
    Duration sweepPeriod;

    @Inject
    @ConfigProperty(name = "steward.retention.lease", defaultValue = "PT2M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "steward.retention.claim-size", defaultValue = "50")
    int claimSize;

    @Inject
    @ConfigProperty(name = "steward.retention.policy-chunk", defaultValue = "50000")
    int policyChunk;

    /** Test and benchmark aid only: a pause inside each subject's erasure transaction, to widen crash windows. */
    @Inject
    @ConfigProperty(name = "steward.retention.erasure-delay", defaultValue = "PT0S")
    Duration erasureDelay;

    public String instance() {
        return InstanceId.get();
    }

    public Duration sweepPeriod() {
        return sweepPeriod;
    }

    public Duration lease() {
        return lease;
    }

    public int claimSize() {
        return Math.max(1, claimSize);
    }

    public int policyChunk() {
        return Math.max(1, policyChunk);
    }

    public Duration erasureDelay() {
        return erasureDelay;
    }
}
