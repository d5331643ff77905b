package org.steward.consent.internal.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.steward.consent.api.ConsentDecisions;
import org.steward.consent.api.CcpaDisclosure;
import org.steward.consent.api.ConsentChanged;
import org.steward.consent.api.ConsentHolder;
import org.steward.consent.api.ConsentStatus;
import org.steward.consent.api.LiftProcessingRestriction;
import org.steward.consent.api.RestrictProcessing;
import org.steward.consent.internal.entity.ConsentState;
import org.steward.consent.internal.entity.ProcessingRestriction;
import org.steward.consent.internal.entity.Purpose;
import org.steward.identity.api.SubjectDirectory;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;
import org.steward.platform.kernel.api.SubjectId;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.TenantScope;

/**
 * The decision hot path: answers {@link DecisionRules} from an in-JVM cache of each holder's whole current state
 * ({@link HolderState}), and keeps that cache exact.
 *
 * <p>Every change to what a decision reads (a {@link ConsentChanged}, a {@link RestrictProcessing} or
 * {@link LiftProcessingRestriction}, an erasure by {@link ConsentErasure}) is seen <em>inside</em> its transaction: the
 * holder is marked as changing ({@link DecisionCache#beginChange}: reads bypass the cache until the transaction ends)
 * and an interposed synchronization is registered once per transaction. After the commit (or rollback) it ends the
 * change locally and, on a commit, tells every other cluster member to drop the holders and waits for their
 * acknowledgements before the request's response is sent ({@link DecisionCluster}).
 *
 * <p>Purposes are cached too. They are never deleted, but they are edited and retired ({@link Purposes}): such a
 * change calls {@link #purposesChanging()} inside its transaction, which empties the purpose cache there and again
 * after the commit, on this and every other member (the key {@link #PURPOSES}); a generation counter keeps a load
 * that read the old purpose before the commit from storing it after.
 */
@ApplicationScoped
public class Decisions implements ConsentDecisions {

    private static final Logger LOG = Logger.getLogger(Decisions.class.getName());
    private static final Object TX_KEY = Decisions.class.getName() + ".changed";
    /** The invalidation key that stands for "the purposes": never a holder's ref (those are subject:/device:). */
    static final String PURPOSES = "purposes";

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    SubjectDirectory directory;

    @Inject
    TenantScope tenantScope;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    @Inject
    @ConfigProperty(name = "steward.consent.decision-cache.max-entries", defaultValue = "100000")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "steward.consent.decision-cache.max-age", defaultValue = "PT10M")
    String maxAge;

    @Inject
    @ConfigProperty(name = "steward.consent.decision-cache.cluster-ack-timeout", defaultValue = "PT2S")
    String ackTimeout;

    private volatile DecisionCache<HolderState> cache;
    private volatile DecisionCache<HolderState> building;
    private volatile DecisionCluster cluster;
    private volatile java.util.concurrent.ExecutorService clusterCalls;
    private final Map<String, DecisionRules.PurposeFacts> purposes = new ConcurrentHashMap<>();
    private final AtomicLong purposeGeneration = new AtomicLong();
    private volatile List<String> sharingKeys;

    @Inject
    @ConfigProperty(name = "steward.consent.default-jurisdiction", defaultValue = "GDPR")
    String defaultJurisdiction;

    /** The holder a decision is asked for, resolved from the query: exactly one of subject and device. */
    public ConsentHolder holder(String subject, String device) {
        if ((subject == null || subject.isEmpty()) == (device == null || device.isEmpty())) {
            throw ProblemException.invalid(subject == null || subject.isEmpty() ? "subject" : "device",
                    "give exactly one of subject (a subject id) and device (a website visitor's device id)");
        }
        if (device != null && !device.isEmpty()) {
            if (!ConsentHolder.DEVICE_ID.matcher(device).matches()) {
                throw ProblemException.invalid("device", "must be 16 to 128 characters of A-Z, a-z, 0-9, '_' and '-'");
            }
            return ConsentHolder.device(device);
        }
        if (Ids.parseOrNull(subject) == null) {
            throw ProblemException.invalid("subject", "must be a subject id (a UUID)");
        }
        return ConsentHolder.subject(SubjectId.of(subject));
    }

    /** The jurisdiction a decision is asked under: the query's, else the configured default (GDPR). */
    public DecisionRules.Jurisdiction jurisdiction(String given) {
        String value = given == null || given.isEmpty() ? defaultJurisdiction : given;
        try {
            return DecisionRules.Jurisdiction.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(given == null || given.isEmpty() ? "steward.consent.default-jurisdiction"
                    : "jurisdiction", "must be GDPR (consent needed for sharing) or CCPA (sharing until opted out)");
        }
    }

    /** Decisions under the default jurisdiction. */
    public List<DecisionRules.Decision> decide(ConsentHolder holder, List<String> purposeKeys) {
        return decide(holder, purposeKeys, jurisdiction(null));
    }

    /** Decisions for the purposes (in the order given); 404 on an unknown subject, 400 on an unknown purpose. */
    public List<DecisionRules.Decision> decide(ConsentHolder holder, List<String> purposeKeys,
                                               DecisionRules.Jurisdiction jurisdiction) {
        List<DecisionRules.PurposeFacts> facts = new ArrayList<>(purposeKeys.size());
        for (String key : purposeKeys) {
            facts.add(purpose(key));
        }
        HolderState state = state(holder);
        OffsetDateTime now = Times.now(clock);
        List<DecisionRules.Decision> out = new ArrayList<>(facts.size());
        for (DecisionRules.PurposeFacts p : facts) {
            out.add(DecisionRules.decide(p, state.states().get(p.key()), state.restricted(), jurisdiction, now));
        }
        return out;
    }

    /**
     * Whether a GPC signal for the holder would record anything: some current sharing purpose is not opted out yet.
     * Read from the cache, so that a browser that sends {@code Sec-GPC: 1} on every request costs no write and no
     * database round trip once it is honoured. Checks the holder (404, tenant scope) like a decision.
     */
    public boolean gpcWouldRecord(ConsentHolder holder) {
        HolderState state = state(holder);
        for (String key : sharingPurposeKeys()) {
            DecisionRules.StateFacts s = state.states().get(key);
            if (s == null || s.status() != ConsentStatus.OPTED_OUT) {
                return true;
            }
        }
        return false;
    }

    /** The subject's tenant (null for a device), checked like a decision: 404 when unknown, tenant scope. */
    public String tenantOf(ConsentHolder holder) {
        return state(holder).tenantId();
    }

    /** The current sharing purposes (what GPC opts out of), cached with the purposes. */
    List<String> sharingPurposeKeys() {
        List<String> keys = sharingKeys;
        if (keys == null) {
            long generation = purposeGeneration.get();
            keys = List.copyOf(em.createQuery("SELECT p.key FROM Purpose p WHERE p.ccpa = :s AND p.retiredAt IS NULL"
                    + " ORDER BY p.key", String.class).setParameter("s", CcpaDisclosure.SHARING).getResultList());
            if (purposeGeneration.get() == generation && !purposesPending()) {
                sharingKeys = keys;
            }
        }
        return keys;
    }

    /** Every purpose's key, in key order (the batch form without a purpose list). */
    public List<String> allPurposeKeys() {
        return em.createQuery("SELECT p.key FROM Purpose p ORDER BY p.key", String.class).getResultList();
    }

    @Override
    public Optional<ConsentDecisions.PurposeTerms> terms(String purposeKey) {
        if (purposeKey == null || purposeKey.isEmpty() || purposeKey.length() > 64) {
            return Optional.empty();
        }
        if (!purposes.containsKey(purposeKey) && em.find(Purpose.class, purposeKey) == null) {
            return Optional.empty();
        }
        DecisionRules.PurposeFacts p = purpose(purposeKey);
        return Optional.of(new ConsentDecisions.PurposeTerms(p.key(), p.basis(), p.ccpa(), p.retired()));
    }

    @Override
    public ConsentDecisions.Decision decide(SubjectId subjectId, String purposeKey, String jurisdiction) {
        DecisionRules.Decision d = decide(ConsentHolder.subject(subjectId), List.of(purposeKey),
                jurisdiction(jurisdiction)).get(0);
        return new ConsentDecisions.Decision(d.purpose(), d.allowed(), d.basis(), d.reason().name());
    }

    private DecisionRules.PurposeFacts purpose(String key) {
        if (key == null || key.isEmpty() || key.length() > 64) {
            throw ProblemException.invalid("purpose", "no purpose has this key");
        }
        DecisionRules.PurposeFacts p = purposes.get(key);
        if (p == null) {
            long generation = purposeGeneration.get();
            Purpose found = em.find(Purpose.class, key);
            if (found == null) {
                throw ProblemException.invalid("purpose", "no purpose has the key " + key);
            }
            p = new DecisionRules.PurposeFacts(found.key(), found.legalBasis(), found.ccpa(), found.retired());
            if (purposeGeneration.get() == generation && !purposesPending()) {
                purposes.put(key, p);
            }
        }
        return p;
    }

    private HolderState state(ConsentHolder holder) {
        HolderState state = cache().get(holder.ref(), ref -> load(holder));
        if (state == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Subject " + holder.id() + " does not exist",
                    List.of(new FieldError("subject", "no such subject")));
        }
        if (holder.kind() == ConsentHolder.Kind.SUBJECT) {
            tenantScope.check(state.tenantId());
        }
        return state;
    }

    /** The database read behind a cache miss: the subject's tenant, its state rows and its restriction. */
    HolderState load(ConsentHolder holder) {
        String tenantId = null;
        if (holder.kind() == ConsentHolder.Kind.SUBJECT) {
            Optional<SubjectDirectory.SubjectRef> ref = directory.find(holder.subjectId().orElseThrow());
            if (ref.isEmpty()) {
                return null;
            }
            tenantId = ref.get().tenantId().asString();
        }
        Map<String, DecisionRules.StateFacts> states = new HashMap<>();
        for (ConsentState s : em.createQuery("SELECT s FROM ConsentState s WHERE s.holderRef = :h",
                ConsentState.class).setParameter("h", holder.ref()).getResultList()) {
            states.put(s.purposeKey(), new DecisionRules.StateFacts(s.status(), s.source(), s.expiresAt()));
        }
        boolean restricted = holder.kind() == ConsentHolder.Kind.SUBJECT
                && em.find(ProcessingRestriction.class, holder.ref()) != null;
        return new HolderState(tenantId, states, restricted);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (clusterCalls != null) {
            clusterCalls.shutdownNow();
        }
    }

    // --- invalidation -------------------------------------------------------------------------------------------

    void onConsentChanged(@Observes ConsentChanged e) {
        changing(e.holder().ref());
    }

    void onRestrict(@Observes RestrictProcessing e) {
        changing(ConsentHolder.subject(e.subjectId()).ref());
    }

    void onLift(@Observes LiftProcessingRestriction e) {
        changing(ConsentHolder.subject(e.subjectId()).ref());
    }

    /** A purpose is edited or retired, in the caller's transaction. */
    public void purposesChanging() {
        changing(PURPOSES);
    }

    /** A holder's rows are being erased ({@link ConsentErasure}, in the erasure's transaction). */
    void erasing(ConsentHolder holder) {
        changing(holder.ref());
    }

    /** A tenant's rows are being erased: every holder may be among them. */
    void erasingTenant() {
        changing(DecisionCluster.ALL);
    }

    /** Called inside the changing transaction. */
    @SuppressWarnings("unchecked")
    private void changing(String key) {
        DecisionCache<HolderState> c = cache();
        if (registry == null || registry.getTransactionKey() == null) {
            // No transaction (not expected: every change is transactional): it is already committed.
            begin(c, key);
            end(c, List.of(key), true);
            return;
        }
        Set<String> keys = (Set<String>) registry.getResource(TX_KEY);
        if (keys == null) {
            Set<String> created = new LinkedHashSet<>();
            registry.putResource(TX_KEY, created);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    end(c, created, status == Status.STATUS_COMMITTED);
                }
            });
            keys = created;
        }
        if (keys.add(key)) {
            begin(c, key);
        }
    }

    private void begin(DecisionCache<HolderState> c, String key) {
        if (PURPOSES.equals(key)) {
            pendingPurposeChanges.incrementAndGet();
            dropPurposes();
        } else if (DecisionCluster.ALL.equals(key)) {
            c.invalidateAll();
        } else {
            c.beginChange(key);
        }
    }

    private void end(DecisionCache<HolderState> c, Collection<String> keys, boolean committed) {
        for (String key : keys) {
            if (PURPOSES.equals(key)) {
                dropPurposes();
                pendingPurposeChanges.decrementAndGet();
            } else if (DecisionCluster.ALL.equals(key)) {
                c.invalidateAll();
            } else {
                c.endChange(key);
            }
        }
        if (committed) {
            try {
                cluster.invalidateOthers(keys);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Consent decision cache: cluster invalidation failed", e);
            }
        }
    }

    /** What a message from another member asks: drop these holders (or all). */
    void dropLocally(Collection<String> keys) {
        if (keys.contains(PURPOSES) || keys.contains(DecisionCluster.ALL)) {
            dropPurposes();
        }
        DecisionCache<HolderState> c = cache != null ? cache : building;
        if (c == null) {
            return;
        }
        for (String key : keys) {
            if (PURPOSES.equals(key)) {
                continue;
            }
            if (DecisionCluster.ALL.equals(key)) {
                c.invalidateAll();
            } else {
                c.invalidate(key);
            }
        }
    }

    private final AtomicInteger pendingPurposeChanges =
            new AtomicInteger();

    /** While a purpose change is in flight here, loads are not stored: its transaction may still commit. */
    private boolean purposesPending() {
        return pendingPurposeChanges.get() > 0;
    }

    private void dropPurposes() {
        purposeGeneration.incrementAndGet();
        purposes.clear();
        sharingKeys = null;
    }

    DecisionCache<HolderState> cache() {
        DecisionCache<HolderState> c = cache;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (cache == null) {
                building = new DecisionCache<>(maxEntries, Duration.parse(maxAge));
                // Join the cluster signal before anything can be cached, so that no member holds a value it is not
                // told about.
                cluster = joinCluster();
                LOG.info("Consent decision cache: " + cluster.describe());
                cache = building;
            }
            return cache;
        }
    }

    private DecisionCluster joinCluster() {
        Object hazelcast;
        try {
            hazelcast = InitialContext.doLookup("payara/Hazelcast");
        } catch (NamingException | RuntimeException e) {
            return DecisionCluster.NONE;
        }
        try {
            if (hazelcast == null || !HazelcastDecisionCluster.usable(hazelcast)) {
                return DecisionCluster.NONE;
            }
            clusterCalls = HazelcastDecisionCluster.callThreads();
            return HazelcastDecisionCluster.join(hazelcast, this::dropLocally, Duration.parse(ackTimeout),
                    clusterCalls);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "Consent decision cache: Hazelcast is there but cannot be used; invalidating locally"
                    + " only", e);
            return DecisionCluster.NONE;
        }
    }
}
