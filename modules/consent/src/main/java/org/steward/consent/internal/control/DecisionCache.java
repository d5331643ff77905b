package org.steward.consent.internal.control;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * A bounded in-JVM cache (key → immutable value) that never keeps a value older than a committed change.
 *
 * <p>Two guards, both per key stripe (a fixed array indexed by the key's hash, so their memory is bounded; keys that
 * share a stripe only cost each other a cache miss):
 * <ul>
 * <li>a <b>generation</b>: a load remembers the generation before it reads the database, and stores its value only if
 * the generation is still the same. Every invalidation bumps it before it removes the entry, so a load that started
 * before a commit can never put its (possibly old) value back after the invalidation;</li>
 * <li>a <b>pending</b> count of transactions that are changing a key: from {@link #beginChange} (inside the
 * transaction, before commit) to {@link #endChange} (after commit or rollback) reads of the key bypass the cache and
 * store nothing, so a reader in this JVM never gets the old value once the commit is visible in the database.</li>
 * </ul>
 * Values are stored with {@link ConcurrentHashMap#compute}, so the generation check and the store are atomic with
 * respect to the removal of the same key.
 */
public final class DecisionCache<V> {

    private static final int STRIPES = 4096;

    private record Entry<V>(V value, long loadedAt) {
    }

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    private final AtomicIntegerArray pending = new AtomicIntegerArray(STRIPES);
    private final int maxEntries;
    private final long maxAgeNanos;

    /**
     * @param maxEntries at most this many keys are kept
     * @param maxAge     a value older than this is loaded again: the last line of defence should a cluster
     *                   invalidation ever be lost
     */
    public DecisionCache(int maxEntries, java.time.Duration maxAge) {
        if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxEntries and maxAge must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The cached value, or the loader's; a null from the loader (nothing there) is returned and not stored. */
    public V get(String key, Function<String, V> loader) {
        Entry<V> cached = entries.get(key);
        int stripe = stripe(key);
        if (cached != null && pending.get(stripe) == 0 && System.nanoTime() - cached.loadedAt() < maxAgeNanos) {
            return cached.value();
        }
        long generation = generations.get(stripe);
        long loadedAt = System.nanoTime();
        V loaded = loader.apply(key);
        if (loaded == null || pending.get(stripe) != 0) {
            return loaded;
        }
        if (entries.size() >= maxEntries) {
            evictSome();
        }
        Entry<V> fresh = new Entry<>(loaded, loadedAt);
        entries.compute(key, (k, old) ->
                generations.get(stripe) == generation && pending.get(stripe) == 0 ? fresh : old);
        return loaded;
    }

    /** A transaction is about to change the key: call before its commit (inside it). Pair with {@link #endChange}. */
    public void beginChange(String key) {
        int stripe = stripe(key);
        pending.incrementAndGet(stripe);
        invalidate(key);
    }

    /** The transaction that called {@link #beginChange} has committed or rolled back. */
    public void endChange(String key) {
        int stripe = stripe(key);
        invalidate(key);
        pending.decrementAndGet(stripe);
    }

    /** Drops the key's value; a load already running for it will not store. */
    public void invalidate(String key) {
        generations.incrementAndGet(stripe(key));
        entries.remove(key);
    }

    /** Drops everything; loads already running will not store. */
    public void invalidateAll() {
        for (int i = 0; i < STRIPES; i++) {
            generations.incrementAndGet(i);
        }
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    /** Test and monitoring hook: whether the key currently has a cached value. */
    public boolean contains(String key) {
        return entries.containsKey(key);
    }

    /** Makes room by dropping about a tenth of the entries (in the map's order: cheap, not LRU). */
    private void evictSome() {
        int toDrop = Math.max(1, maxEntries / 10);
        Iterator<Map.Entry<String, Entry<V>>> it = entries.entrySet().iterator();
        while (toDrop-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    static int stripe(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
