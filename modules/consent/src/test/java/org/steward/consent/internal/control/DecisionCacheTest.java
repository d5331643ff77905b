package org.steward.consent.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decision cache's guards: generation (load/invalidate race), pending changes, bounds and age. */
class DecisionCacheTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void hitsAfterTheFirstLoad() {
        DecisionCache<String> cache = new DecisionCache<>(10, Duration.ofMinutes(1));
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("k", k -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        assertThat(cache.get("k", k -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void nothingIsStoredForAMissingHolder() {
        DecisionCache<String> cache = new DecisionCache<>(10, Duration.ofMinutes(1));
        assertThat(cache.get("k", k -> null)).isNull();
        assertThat(cache.contains("k")).isFalse();
    }

    /**
     * A load reads the old row, then (before it stores) the change commits and the invalidation runs: the load must
     * not put its old value back. The next read loads the new value.
     */
    @Test
    void aLoadThatStartedBeforeTheInvalidationNeverStoresItsValue() throws Exception {
        DecisionCache<String> cache = new DecisionCache<>(10, Duration.ofMinutes(1));
        AtomicReference<String> database = new AtomicReference<>("old");
        CountDownLatch readDone = new CountDownLatch(1);
        CountDownLatch invalidated = new CountDownLatch(1);
        Future<String> slowLoad = pool.submit(() -> cache.get("k", k -> {
            String read = database.get();
            readDone.countDown();
            await(invalidated);
            return read;
        }));
        assertThat(readDone.await(5, TimeUnit.SECONDS)).isTrue();
        // the change commits, then the after-commit invalidation
        database.set("new");
        cache.invalidate("k");
        invalidated.countDown();
        assertThat(slowLoad.get(5, TimeUnit.SECONDS)).isEqualTo("old"); // what it read, for its own caller only
        assertThat(cache.contains("k")).as("the stale load was not stored").isFalse();
        assertThat(cache.get("k", k -> database.get())).isEqualTo("new");
        assertThat(cache.get("k", k -> "never loaded")).isEqualTo("new");
    }

    /** The same race through beginChange/endChange, the path a local transaction takes. */
    @Test
    void aLoadOverlappingALocalTransactionNeverStoresItsValue() throws Exception {
        DecisionCache<String> cache = new DecisionCache<>(10, Duration.ofMinutes(1));
        AtomicReference<String> database = new AtomicReference<>("old");
        assertThat(cache.get("k", k -> database.get())).isEqualTo("old");
        CountDownLatch readDone = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        cache.beginChange("k"); // inside the transaction
        Future<String> load = pool.submit(() -> cache.get("k", k -> {
            String read = database.get();
            readDone.countDown();
            await(committed);
            return read;
        }));
        assertThat(readDone.await(5, TimeUnit.SECONDS)).isTrue();
        database.set("new"); // commit
        cache.endChange("k"); // after completion
        committed.countDown();
        assertThat(load.get(5, TimeUnit.SECONDS)).isEqualTo("old");
        assertThat(cache.contains("k")).isFalse();
        assertThat(cache.get("k", k -> database.get())).isEqualTo("new");
    }

    /** While a transaction is changing a key, reads bypass the cache (they see the database) and store nothing. */
    @Test
    void readsBypassTheCacheWhileAChangeIsPending() {
        DecisionCache<String> cache = new DecisionCache<>(10, Duration.ofMinutes(1));
        AtomicReference<String> database = new AtomicReference<>("old");
        cache.get("k", k -> database.get());
        cache.beginChange("k");
        assertThat(cache.contains("k")).isFalse();
        database.set("new"); // committed, afterCompletion not run yet
        assertThat(cache.get("k", k -> database.get())).isEqualTo("new");
        assertThat(cache.contains("k")).as("nothing stored while pending").isFalse();
        cache.endChange("k");
        assertThat(cache.get("k", k -> database.get())).isEqualTo("new");
        assertThat(cache.contains("k")).isTrue();
    }

    /** A rolled-back change (endChange without a new value) leaves the old value loadable again. */
    @Test
    void rollbackJustEndsThePendingState() {
        DecisionCache<String> cache = new DecisionCache<>(10, Duration.ofMinutes(1));
        cache.get("k", k -> "v");
        cache.beginChange("k");
        cache.endChange("k");
        assertThat(cache.get("k", k -> "v")).isEqualTo("v");
        assertThat(cache.contains("k")).isTrue();
    }

    @Test
    void invalidateAllDropsEverythingAndBlocksLoadsInFlight() throws Exception {
        DecisionCache<String> cache = new DecisionCache<>(10, Duration.ofMinutes(1));
        cache.get("a", k -> "1");
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch cleared = new CountDownLatch(1);
        Future<String> load = pool.submit(() -> cache.get("b", k -> {
            reading.countDown();
            await(cleared);
            return "stale";
        }));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        cache.invalidateAll();
        cleared.countDown();
        load.get(5, TimeUnit.SECONDS);
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsBound() {
        DecisionCache<Integer> cache = new DecisionCache<>(100, Duration.ofMinutes(1));
        for (int i = 0; i < 1000; i++) {
            int v = i;
            cache.get("k" + i, k -> v);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void entriesOlderThanTheMaximumAgeAreLoadedAgain() throws Exception {
        DecisionCache<Integer> cache = new DecisionCache<>(10, Duration.ofMillis(20));
        AtomicInteger loads = new AtomicInteger();
        cache.get("k", k -> loads.incrementAndGet());
        Thread.sleep(40);
        assertThat(cache.get("k", k -> loads.incrementAndGet())).isEqualTo(2);
    }

    /**
     * Stress: writers change the value and invalidate (as a commit does); readers load concurrently. After every
     * writer is done, the cache must hold nothing older than the last committed value.
     */
    @Test
    void underConcurrencyTheCacheNeverEndsUpStale() throws Exception {
        for (int round = 0; round < 200; round++) {
            DecisionCache<Integer> cache = new DecisionCache<>(10, Duration.ofMinutes(1));
            AtomicInteger database = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            Future<?> writer = pool.submit(() -> {
                await(start);
                for (int i = 0; i < 50; i++) {
                    cache.beginChange("k");
                    database.incrementAndGet();
                    cache.endChange("k");
                }
            });
            Future<?>[] readers = new Future<?>[3];
            for (int r = 0; r < readers.length; r++) {
                readers[r] = pool.submit(() -> {
                    await(start);
                    for (int i = 0; i < 200; i++) {
                        cache.get("k", k -> {
                            int v = database.get();
                            Thread.yield();
                            return v;
                        });
                    }
                });
            }
            start.countDown();
            writer.get(10, TimeUnit.SECONDS);
            for (Future<?> f : readers) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(cache.get("k", k -> database.get())).as("round " + round).isEqualTo(50);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
