package org.steward.platform.crypto.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.platform.crypto.api.BlindIndex;
import org.steward.platform.crypto.api.BlindIndexFunction;
import org.steward.platform.crypto.api.BlindIndexRing;
import org.steward.platform.crypto.api.BlindIndexed;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.Times;

/**
 * The versions of the blind-index key: which are active (read from the database on every use, so that every
 * instance sees a rotation or retirement at once), rotation to a new version, and retirement of drained ones.
 */
@ApplicationScoped
public class BlindIndexKeys {

    private static final Logger LOG = Logger.getLogger(BlindIndexKeys.class.getName());

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    @Any
    Instance<BlindIndexed> holders;

    @Inject
    Clock clock;

    /**
     * How long a superseded version stays searchable at least. A write that read the version list just before a
     * rotation may commit a row on the old version later; it must still be found and re-indexed before retirement.
     */
    @Inject
    @ConfigProperty(name = "steward.crypto.blind-index-retirement-grace", defaultValue = "PT1M")
    Duration retirementGrace;

    // Key material never changes for a version, so the unwrapped HMAC keys are kept; only the list is re-read.
    private final Map<Integer, BlindIndexFunction> functions = new ConcurrentHashMap<>();

    // Transactional although it only reads: re-index jobs call it on managed executor threads, where Payara closes
    // a non-transactional EntityManager with the request that submitted the task.
    @Transactional
    public BlindIndexRing ring() {
        List<BlindIndexVersion> active = em.createQuery(
                "SELECT v FROM BlindIndexVersion v WHERE v.retiredAt IS NULL", BlindIndexVersion.class)
                .getResultList();
        return new BlindIndexRing(active.stream().map(v -> new BlindIndex(v.version(), function(v))).toList());
    }

    @Transactional
    public List<BlindIndexVersion> versions() {
        return em.createQuery("SELECT v FROM BlindIndexVersion v ORDER BY v.version", BlindIndexVersion.class)
                .getResultList();
    }

    /** Rows per key version, summed over every module that stores blind indexes. */
    @Transactional
    public Map<Integer, Long> rowsPerVersion() {
        Map<Integer, Long> total = new HashMap<>();
        for (BlindIndexed holder : holders) {
            holder.rowsPerVersion().forEach((v, n) -> total.merge(v, n, Long::sum));
        }
        return total;
    }

    @Transactional
    public Map<String, Map<Integer, Long>> rowsPerHolder() {
        Map<String, Map<Integer, Long>> out = new HashMap<>();
        for (BlindIndexed holder : holders) {
            out.put(holder.name(), holder.rowsPerVersion());
        }
        return out;
    }

    /** Makes a new key version current for writes. Two concurrent rotations collide on the version number. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int rotate() {
        Integer max = em.createQuery("SELECT MAX(v.version) FROM BlindIndexVersion v", Integer.class)
                .getSingleResult();
        int next = (max == null ? 0 : max) + 1;
        String name = "blind-index-v" + next;
        MasterKeyRing ring = masterKey.ring();
        OffsetDateTime now = Times.now(clock);
        em.persist(new Secret(name, ring.currentId(), KeyWrap.wrap(ring.currentKey(), name, Aead.newKey()), now));
        em.persist(new BlindIndexVersion(next, name, now));
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Another blind-index rotation created version " + next + " at the same time");
        }
        LOG.info("Blind-index key version " + next + " is current");
        return next;
    }

    /**
     * Retires every superseded version that no row carries any more and whose successor is older than the grace.
     * The conditional update makes this safe when several instances do it at once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Integer> retireDrained() {
        List<BlindIndexVersion> all = versions();
        Map<Integer, Long> rows = rowsPerVersion();
        OffsetDateTime now = Times.now(clock);
        List<Integer> retired = new ArrayList<>();
        for (int i = 0; i < all.size() - 1; i++) {
            BlindIndexVersion v = all.get(i);
            boolean graceOver = all.get(i + 1).createdAt().plus(retirementGrace).isBefore(now);
            if (v.retiredAt() == null && graceOver && rows.getOrDefault(v.version(), 0L) == 0) {
                int n = em.createQuery("UPDATE BlindIndexVersion v SET v.retiredAt = :now"
                                + " WHERE v.version = :version AND v.retiredAt IS NULL")
                        .setParameter("now", now).setParameter("version", v.version()).executeUpdate();
                if (n == 1) {
                    retired.add(v.version());
                    LOG.info("Blind-index key version " + v.version() + " retired: no row carries it any more");
                }
            }
        }
        return retired;
    }

    private BlindIndexFunction function(BlindIndexVersion v) {
        return functions.computeIfAbsent(v.version(), n -> {
            Secret secret = em.find(Secret.class, v.secretName());
            if (secret == null) {
                throw new IllegalStateException("The blind-index key " + v.secretName()
                        + " is missing: start-up did not complete");
            }
            return new BlindIndexFunction(KeyWrap.unwrap(masterKey.ring().key(secret.kekId()), secret.name(),
                    secret.wrapped()));
        });
    }
}
