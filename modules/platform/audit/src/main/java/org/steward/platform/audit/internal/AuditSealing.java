package org.steward.platform.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.platform.kernel.api.ScheduledJob;

/**
 * When accepted entries are sealed: every {@code steward.audit.seal-period} on every instance (the one that finds
 * the head locked leaves the round to the one holding it), and on demand before the log is read or verified, so a
 * reader always sees what was acknowledged before its request. The bound (docs/architecture.md): an entry is sealed
 * within one period plus the time to seal the backlog in front of it, 2 s at the default period.
 */
@ApplicationScoped
public class AuditSealing implements ScheduledJob {

    @Inject
    AuditSequencer sequencer;

    @Inject
    @ConfigProperty(name = "steward.audit.seal-period", defaultValue = "PT0.2S")
    Duration period;

    @Override
    public String name() {
        return "audit-sealing";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public void run() {
        drain(false);
    }

    /** Seals everything accepted before the call, waiting for a sequencer that holds the head. */
    public void sealAll() {
        drain(true);
    }

    private void drain(boolean wait) {
        if (!sequencer.hasPending()) {
            return; // an entry a sequencer is sealing right now is still visible here until it commits
        }
        int sealed;
        do {
            sealed = sequencer.sealBatch(wait);
        } while (sealed == AuditSequencer.BATCH);
    }
}
