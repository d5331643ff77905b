package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.consent.api.PurposeCatalog;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ScheduledJob;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.kernel.api.erasure.ErasureScope;
import org.steward.retention.internal.entity.RetentionPolicy;
import org.steward.retention.internal.entity.SweepRun;

/**
 * The retention sweep, on every instance's timer. One run: (1) tenant erasures are expanded into one queued erasure
 * per subject; (2) queued subject erasures, then device erasures, are claimed in leased batches and each erased in its
 * own transaction, until none is due; (3) tenants whose subjects are all erased are completed; (4) each policy with a
 * period is swept in chunks: FIXED and INACTIVITY by the records' age, PURPOSE_FULFILLED by the subjects whose
 * purposes ended.
 * Heap stays bounded: only ids of one batch or chunk are ever held, and deletions are set-based.
 * Logs carry ids and counts only.
 */
@ApplicationScoped
public class RetentionSweep implements ScheduledJob {

    private static final Logger LOG = Logger.getLogger(RetentionSweep.class.getName());

    @Inject
    RetentionConfig config;

    @Inject
    ErasureQueue queue;

    @Inject
    ErasureProcessor processor;

    @Inject
    Policies policies;

    @Inject
    SweepRuns runs;

    @Inject
    RetentionMetrics metrics;

    /** Subjects per PURPOSE_FULFILLED chunk: one DELETE each on the (subject, category) index. */
    static final int PURPOSE_CHUNK = 200;

    @Inject
    PurposeCatalog catalog;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    @Override
    public String name() {
        return "retention-sweep";
    }

    @Override
    public Duration period() {
        return config.sweepPeriod();
    }

    @Override
    public void run() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous run on this instance is still working the backlog
        }
        try {
            sweep();
        } finally {
            running.set(false);
        }
    }

    private void sweep() {
        String owner = config.instance();
        OffsetDateTime started = Times.now(clock);
        long t0 = System.nanoTime();
        long due = 0;
        long subjects = 0;
        long tenants = 0;
        long records = 0;
        String outcome = "COMPLETED";
        try {
            queue.requeueEndedTenants();
            due = queue.countDue();
            List<String> myTenants = new ArrayList<>();
            if (due > 0) {
                expandTenants(owner, myTenants);
                long[] s = eraseEach(ErasureScope.SUBJECT, owner);
                long[] d = eraseEach(ErasureScope.DEVICE, owner);
                subjects = s[0] + d[0]; // a website visitor is a data subject too
                records += s[1] + d[1];
                for (String tenant : myTenants) {
                    ErasureProcessor.Result r = processor.completeTenant(tenant, owner);
                    if (r == ErasureProcessor.Result.ERASED) {
                        tenants++;
                    } else {
                        queue.release(tenant, owner); // another instance is finishing its subjects: whoever is next
                    }
                }
            }
            records += sweepPolicies(owner);
        } catch (RuntimeException e) {
            outcome = "FAILED";
            LOG.log(Level.WARNING, "Retention sweep failed; the next period resumes it", e);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        try {
            if (due > 0 || subjects > 0 || tenants > 0 || records > 0 || "FAILED".equals(outcome)) {
                runs.record(new SweepRun(Ids.newId().toString(), owner, started, ms, due, subjects, tenants, records,
                        outcome));
                LOG.info("Retention sweep: " + due + " due, " + subjects + " subject(s) and " + tenants
                        + " tenant(s) erased, " + records + " record(s), " + ms + " ms");
            }
            metrics.recordRun(due, subjects, tenants, records, ms, queue.countPending());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the retention sweep run", e);
        }
    }

    private void expandTenants(String owner, List<String> mine) {
        List<String> claimed;
        do {
            claimed = queue.claim(ErasureScope.TENANT, owner, 10, config.lease());
            for (String tenant : claimed) {
                if (processor.holdIfHeld(tenant, owner)) {
                    continue;
                }
                while (processor.expandTenant(tenant, owner) > 0) {
                    // one chunk of subjects per transaction
                }
                mine.add(tenant);
            }
        } while (!claimed.isEmpty());
    }

    /** SUBJECT or DEVICE rows, one transaction each. Returns {erased, records erased}. */
    private long[] eraseEach(ErasureScope scope, String owner) {
        long erased = 0;
        long records = 0;
        List<String> claimed;
        do {
            claimed = queue.claim(scope, owner, config.claimSize(), config.lease());
            for (String id : claimed) {
                try {
                    long rows = scope == ErasureScope.DEVICE ? processor.eraseDevice(id, owner)
                            : processor.eraseSubject(id, owner);
                    if (rows >= 0) {
                        erased++;
                        records += rows;
                    }
                } catch (RuntimeException e) {
                    // The transaction rolled back: nothing of this erasure happened. The lease runs out and a later
                    // sweep retries it.
                    LOG.log(Level.WARNING, "Erasure " + id + " failed and rolled back; it will be retried", e);
                }
            }
        } while (!claimed.isEmpty());
        return new long[]{erased, records};
    }

    private long sweepPolicies(String owner) {
        long total = 0;
        for (RetentionPolicy policy : policies.list()) {
            if (policy.trigger() == RetentionPolicy.Trigger.LICENCE_EXPIRY || policy.periodDays() <= 0) {
                continue; // erased with the tenant, by the licence triggers
            }
            if (!policies.lease(policy.categoryKey(), owner, config.lease())) {
                continue; // another instance sweeps this category now
            }
            try {
                long t0 = System.nanoTime();
                OffsetDateTime cutoff = Times.now(clock).minusDays(policy.periodDays());
                String erasureId = processor.unfinishedCategory(policy.categoryKey())
                        .orElseGet(() -> Ids.newId().toString());
                long swept = policy.trigger() == RetentionPolicy.Trigger.PURPOSE_FULFILLED
                        ? sweepPurposeEnded(erasureId, policy, cutoff, owner)
                        : sweepByAge(erasureId, policy, cutoff, owner);
                total += processor.finishCategory(erasureId, owner, (System.nanoTime() - t0) / 1000) > 0 ? swept : 0;
            } finally {
                policies.releaseLease(policy.categoryKey(), owner);
            }
        }
        return total;
    }

    /** FIXED and INACTIVITY: chunks of due records until a chunk comes back short. */
    private long sweepByAge(String erasureId, RetentionPolicy policy, OffsetDateTime cutoff, String owner) {
        long n;
        long swept = 0;
        do {
            n = processor.eraseCategoryChunk(erasureId, policy, cutoff, config.policyChunk(), owner);
            swept += n;
            if (n > 0) {
                policies.lease(policy.categoryKey(), owner, config.lease()); // still ours: extend
            }
        } while (n >= config.policyChunk());
        return swept;
    }

    /** PURPOSE_FULFILLED: chunks of subjects whose purposes for the category all ended before the cutoff. */
    private long sweepPurposeEnded(String erasureId, RetentionPolicy policy, OffsetDateTime cutoff, String owner) {
        List<String> purposeKeys = catalog.purposesUsing(policy.categoryKey());
        if (purposeKeys.isEmpty()) {
            return 0; // no purpose uses the category, so none can end
        }
        long swept = 0;
        String after = "";
        ErasureProcessor.PurposeChunk chunk;
        do {
            chunk = processor.erasePurposeEndedChunk(erasureId, policy, purposeKeys, cutoff, after, PURPOSE_CHUNK,
                    owner);
            swept += chunk.records();
            after = chunk.lastSubject();
            if (chunk.subjects() > 0) {
                policies.lease(policy.categoryKey(), owner, config.lease());
            }
        } while (chunk.subjects() >= PURPOSE_CHUNK);
        return swept;
    }
}
