package org.steward.platform.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down password guessing without handing anyone a lock on someone else's account. Wrong passwords are counted
 * under three keys, each with a growing delay (exponential backoff, from {@link #BASE_DELAY} up to {@link #MAX_DELAY})
 * once its free failures are used up:
 * <ul>
 *   <li>the account from one address ({@link #PAIR_FREE_FAILURES}): the ordinary guesser;</li>
 *   <li>one address across accounts ({@link #ADDRESS_FREE_FAILURES}, high because behind a proxy every client shares
 *       one address): a spray;</li>
 *   <li>the account across addresses ({@link #ACCOUNT_FREE_FAILURES}): distributed guessing.</li>
 * </ul>
 * The address-wide and account-wide delays never apply to an address that logged in to that account successfully
 * within {@link #KNOWN_GOOD_FOR} (a known-good address), so an attacker elsewhere cannot lock out the rightful user at
 * their usual address; from a new address the rightful user waits out the account-wide delay like everyone else. A key
 * is forgotten after {@link #QUIET} without failures. Memory is bounded ({@link #MAX_ENTRIES} per table, least recently
 * used dropped first), and accounts are kept as hashes: a username may be an email address. Per instance: behind a load
 * balancer each instance counts on its own.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int PAIR_FREE_FAILURES = 3;
    static final int ADDRESS_FREE_FAILURES = 100;
    static final int ACCOUNT_FREE_FAILURES = 20;
    static final Duration BASE_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration QUIET = Duration.ofHours(1);
    static final Duration KNOWN_GOOD_FOR = Duration.ofDays(90);
    static final int MAX_ENTRIES = 50_000;

    private record Failures(int count, Instant last) {

        Instant blockedUntil(int free) {
            if (count < free) {
                return Instant.MIN;
            }
            int doublings = Math.min(count - free, 30);
            long seconds = Math.min(BASE_DELAY.toSeconds() << doublings, MAX_DELAY.toSeconds());
            return last.plusSeconds(seconds);
        }
    }

    private final Map<String, Failures> failures = lru();
    private final Map<String, Instant> knownGood = lru();
    private Clock clock;

    @Inject
    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    LoginThrottle() {
    }

    /** Seconds until the next attempt for this account from this address is allowed, or 0 when it is allowed now. */
    public synchronized long retryAfterSeconds(String username, String address) {
        Instant now = clock.instant();
        String account = account(username);
        Instant until = blockedUntil("pair:" + account + "|" + address, PAIR_FREE_FAILURES, now);
        if (!isKnownGood(account, address, now)) {
            until = max(until, blockedUntil("addr:" + address, ADDRESS_FREE_FAILURES, now));
            until = max(until, blockedUntil("acct:" + account, ACCOUNT_FREE_FAILURES, now));
        }
        if (!until.isAfter(now)) {
            return 0;
        }
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        String account = account(username);
        bump("pair:" + account + "|" + address, now);
        bump("addr:" + address, now);
        bump("acct:" + account, now);
    }

    /**
     * Clears the guesses of this account from this address and marks the address known-good for the account. The
     * address-wide and account-wide counts stay: one success does not excuse a spray or a distributed attack.
     */
    public synchronized void succeeded(String username, String address) {
        String account = account(username);
        failures.remove("pair:" + account + "|" + address);
        knownGood.put(account + "|" + address, clock.instant());
    }

    /**
     * Drops what is kept about deleted users (an erased tenant's): a new user who is given the same name later must not
     * inherit their failures or their known-good addresses.
     */
    synchronized void forget(Collection<String> usernames) {
        for (String username : usernames) {
            String account = account(username);
            failures.remove("acct:" + account);
            failures.keySet().removeIf(k -> k.startsWith("pair:" + account + "|"));
            knownGood.keySet().removeIf(k -> k.startsWith(account + "|"));
        }
    }

    private boolean isKnownGood(String account, String address, Instant now) {
        Instant since = knownGood.get(account + "|" + address);
        return since != null && now.isBefore(since.plus(KNOWN_GOOD_FOR));
    }

    private Instant blockedUntil(String key, int free, Instant now) {
        Failures f = failures.get(key);
        if (f == null) {
            return Instant.MIN;
        }
        if (isQuiet(f, now)) {
            failures.remove(key);
            return Instant.MIN;
        }
        return f.blockedUntil(free);
    }

    private void bump(String key, Instant now) {
        Failures f = failures.get(key);
        failures.put(key, f == null || isQuiet(f, now) ? new Failures(1, now) : new Failures(f.count() + 1, now));
    }

    private static boolean isQuiet(Failures f, Instant now) {
        return now.isAfter(f.last().plus(QUIET));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String account(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }
}
