package org.steward.consent.internal.control;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.collection.ISet;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Cross-instance invalidation over Payara's Hazelcast: an invalidation topic and an acknowledgement topic, both
 * carrying plain strings (no application class is ever deserialised by Hazelcast).
 *
 * <ul>
 * <li>A member joins lazily, before it caches anything: it subscribes to both topics, then adds its member UUID to
 * the set {@value #MEMBERS}. So every member that may hold a cached value is in the set.</li>
 * <li>After a commit, the origin publishes {@code <requestId>\n<key>\n<key>…} and waits until every other current
 * cluster member in the set has acknowledged ({@code <requestId>} on the ack topic), at most the configured timeout.
 * On a timeout it logs a warning naming the missing members and returns (the change has committed: failing the
 * response would only make the client retry it). Entries also have a maximum age, the last line of defence.</li>
 * <li>A receiver bumps the keys' generations and drops them (the same guard as a local change), then acknowledges.</li>
 * <li>Every Hazelcast call runs on a thread of {@link #calls}, never on a request thread: Payara's Hazelcast carries the
 * calling thread's Jakarta EE invocation into its partition threads and ends it there, which closes the request's
 * non-transactional EntityManager under it (measured: "Attempting to execute an operation on a closed
 * EntityManager"). The threads are created without inheritable thread locals, so they carry no invocation.</li>
 * <li>Any membership change (a member joining, leaving, or a split brain healing) drops this member's whole cache: it
 * may have missed invalidations while it was apart.</li>
 * </ul>
 */
final class HazelcastDecisionCluster implements DecisionCluster {

    private static final Logger LOG = Logger.getLogger(HazelcastDecisionCluster.class.getName());

    static final String INVALIDATIONS = "steward.consent.decisions.invalidate";
    static final String ACKS = "steward.consent.decisions.ack";
    static final String MEMBERS = "steward.consent.decisions.members";

    private final HazelcastInstance hazelcast;
    private final ITopic<String> invalidations;
    private final ITopic<String> acks;
    private final ISet<String> members;
    private final UUID local;
    private final Consumer<Collection<String>> dropLocally;
    private final Duration timeout;
    private final ConcurrentHashMap<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final ExecutorService calls;

    private record Waiter(Set<UUID> missing, CompletableFuture<Void> done) {
        void acknowledged(UUID member) {
            missing.remove(member);
            if (missing.isEmpty()) {
                done.complete(null);
            }
        }
    }

    /** Joins on a thread of {@code calls} (see the class comment) and returns the joined member. */
    static DecisionCluster join(Object instance, Consumer<Collection<String>> dropLocally, Duration timeout,
                                ExecutorService calls) throws Exception {
        return calls.submit(() -> new HazelcastDecisionCluster(instance, dropLocally, timeout, calls))
                .get(30, TimeUnit.SECONDS);
    }

    /** A pool whose threads carry no Jakarta EE invocation (no inherited thread locals). */
    static ExecutorService callThreads() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(null, r, "steward-consent-cluster-" + n.incrementAndGet(), 0, false);
                    t.setDaemon(true);
                    t.setContextClassLoader(HazelcastDecisionCluster.class.getClassLoader());
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private HazelcastDecisionCluster(Object instance, Consumer<Collection<String>> dropLocally, Duration timeout,
                                     ExecutorService calls) {
        this.calls = calls;
        this.hazelcast = (HazelcastInstance) instance;
        this.dropLocally = dropLocally;
        this.timeout = timeout;
        this.local = hazelcast.getCluster().getLocalMember().getUuid();
        this.invalidations = hazelcast.getTopic(INVALIDATIONS);
        this.acks = hazelcast.getTopic(ACKS);
        this.members = hazelcast.getSet(MEMBERS);
        invalidations.addMessageListener(this::onInvalidation);
        acks.addMessageListener(this::onAck);
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                dropLocally.accept(Set.of(ALL));
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                UUID gone = event.getMember().getUuid();
                waiting.values().forEach(w -> w.acknowledged(gone));
                dropLocally.accept(Set.of(ALL));
                try {
                    members.remove(gone.toString());
                } catch (RuntimeException e) {
                    // another member removes it, or the next join overwrites nothing: the set is intersected anyway
                }
            }
        });
        members.add(local.toString());
    }

    /** Whether the object is a running Hazelcast instance (checked here, so that callers need no Hazelcast class). */
    static boolean usable(Object instance) {
        return instance instanceof HazelcastInstance h && h.getLifecycleService().isRunning();
    }

    @Override
    public int invalidateOthers(Collection<String> keys) {
        List<String> copy = List.copyOf(keys);
        try {
            return calls.submit(() -> invalidate(copy)).get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "Consent decision cache: cluster invalidation failed", e);
            return -1;
        }
    }

    private int invalidate(Collection<String> keys) {
        Set<UUID> expected = ConcurrentHashMap.newKeySet();
        Set<String> joined = Set.copyOf(members);
        for (Member m : hazelcast.getCluster().getMembers()) {
            if (!m.getUuid().equals(local) && joined.contains(m.getUuid().toString())) {
                expected.add(m.getUuid());
            }
        }
        if (expected.isEmpty()) {
            return 0;
        }
        String requestId = UUID.randomUUID().toString();
        Waiter waiter = new Waiter(expected, new CompletableFuture<>());
        waiting.put(requestId, waiter);
        try {
            invalidations.publish(requestId + "\n" + String.join("\n", keys));
            waiter.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return 0;
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "Consent decision cache: no acknowledgement within {0} from members {1}; they"
                    + " may serve decisions older than this change until they answer or their entries age out",
                    new Object[]{timeout, expected});
            return expected.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return expected.size();
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(Level.WARNING, "Consent decision cache: cluster invalidation failed", e);
            return expected.size();
        } finally {
            waiting.remove(requestId);
        }
    }

    private void onInvalidation(Message<String> message) {
        Member from = message.getPublishingMember();
        if (from != null && local.equals(from.getUuid())) {
            return;
        }
        String[] lines = message.getMessageObject().split("\n");
        dropLocally.accept(java.util.Arrays.asList(lines).subList(1, lines.length));
        acks.publish(lines[0]);
    }

    private void onAck(Message<String> message) {
        Waiter w = waiting.get(message.getMessageObject());
        Member from = message.getPublishingMember();
        if (w != null && from != null) {
            w.acknowledged(from.getUuid());
        }
    }

    @Override
    public String describe() {
        return "Hazelcast topics, " + hazelcast.getCluster().getMembers().stream().map(m -> m.getUuid().toString())
                .collect(Collectors.joining(", ", "members [", "]")) + ", ack timeout " + timeout;
    }
}
