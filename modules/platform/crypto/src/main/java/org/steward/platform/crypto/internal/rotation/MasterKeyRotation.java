package org.steward.platform.crypto.internal.rotation;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.platform.crypto.internal.MasterKey;
import org.steward.platform.crypto.internal.MasterKeyRing;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/**
 * Rotation of the master key: every data key and secret is re-wrapped under the current key; nothing they encrypt
 * changes. The work is the set of rows whose kek_id is a previous key, so a run that dies is resumed by starting
 * again, on any instance, and instances that run at once only skip each other's rows.
 */
@ApplicationScoped
public class MasterKeyRotation {

    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class.getName());
    private static final int CHUNK = 200;
    /**
     * A request that took the old key from the ring just before an embedded rotation may commit its new data key
     * after the first pass; the run passes again until this long after it began, so such a key is re-wrapped too.
     */
    private static final long SETTLE_NANOS = 3_000_000_000L;

    @Inject
    MasterKey masterKey;

    @Inject
    Rewrapper rewrapper;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong rewrapped = new AtomicLong();

    /** Starts or resumes a rotation and answers with its progress; see {@link KekRotationDecision}. */
    public MasterKeyProgress start() {
        MasterKeyRing ring = masterKey.ring();
        WrappedKeyCounts counts = rewrapper.counts();
        Set<String> unknown = counts.unknownKeys(ring);
        switch (KekRotationDecision.decide(ring.current().embedded(), !ring.previousIds().isEmpty(),
                !unknown.isEmpty(), counts.remaining(ring))) {
            case UNKNOWN_KEYS -> throw new ProblemException(ProblemType.CONFLICT, "Keys are wrapped under master"
                    + " key(s) " + unknown + " that this server does not have. Add them (base64) to"
                    + " STEWARD_CRYPTO_PREVIOUS_MASTER_KEYS and restart, then rotate again.");
            case NEEDS_NEW_KEY -> throw new ProblemException(ProblemType.CONFLICT, "There is no new master key to"
                    + " rotate to: everything is wrapped under the current key " + ring.currentId() + ". Set"
                    + " STEWARD_CRYPTO_MASTER_KEY (or the keystore) to a new key, list the old one in"
                    + " STEWARD_CRYPTO_PREVIOUS_MASTER_KEYS, restart every instance, then rotate again.");
            case COMPLETE -> {
                return progress();
            }
            case GENERATE -> {
                masterKey.rotateEmbedded();
                launch();
            }
            case RESUME -> launch();
        }
        return progress();
    }

    public MasterKeyProgress progress() {
        MasterKeyRing ring = masterKey.ring();
        long remaining = rewrapper.counts().remaining(ring);
        String state = running.get() ? "running" : remaining == 0 ? "complete" : "pending";
        return new MasterKeyProgress(state, ring.currentId(), remaining, rewrapped.get());
    }

    private void launch() {
        if (running.compareAndSet(false, true)) {
            try {
                executor.execute(this::run);
            } catch (RuntimeException e) {
                running.set(false);
                throw e;
            }
        }
    }

    private void run() {
        long began = System.nanoTime();
        try {
            while (true) {
                MasterKeyRing ring = masterKey.ring();
                long n = pass(ring);
                if (n == 0 && rewrapper.counts().remaining(ring) == 0 && System.nanoTime() - began > SETTLE_NANOS) {
                    break;
                }
                if (n == 0) {
                    Thread.sleep(250);
                }
            }
            LOG.info("Master key rotation complete: everything is wrapped under " + masterKey.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Nothing is lost: the rows left are still under a previous key, and the next start resumes them.
            LOG.log(Level.WARNING, "Master key rotation stopped; start it again to resume", e);
        } finally {
            running.set(false);
        }
    }

    /** One pass over every row under a previous key, in id order, a chunk per transaction. */
    private long pass(MasterKeyRing ring) {
        long n = rewrapper.rewrapSecrets(ring);
        String after = "";
        Rewrapper.Chunk chunk;
        do {
            chunk = rewrapper.rewrapDataKeys(ring, after, CHUNK);
            n += chunk.rewrapped();
            after = chunk.lastId();
        } while (chunk.seen() == CHUNK);
        rewrapped.addAndGet(n);
        return n;
    }
}
