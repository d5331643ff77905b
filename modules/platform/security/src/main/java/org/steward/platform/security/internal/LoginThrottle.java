package org.steward.platform.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failed logins for one username, or
 * {@link #MAX_ADDRESS_FAILURES} from one address (a spray across many usernames), within {@link #WINDOW}, further
 * attempts are refused until the window has passed. The address limit is high because behind a proxy every client
 * shares one address, and a low limit would let anyone lock out every user. Per instance:
 * behind a load balancer an attacker gets at most this many tries per instance.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_ADDRESS_FAILURES = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private record Window(long startNanos, int failures) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
    public long retryAfterSeconds(String username, String address) {
        return Math.max(blockedFor("user:" + username, MAX_FAILURES), blockedFor("addr:" + address, MAX_ADDRESS_FAILURES));
    }

    public void failed(String username, String address) {
        bump("user:" + username);
        bump("addr:" + address);
    }

    public void succeeded(String username) {
        windows.remove("user:" + username);
    }

    /**
     * Drops the failure windows of deleted users (an erased tenant's): their names must not stay in memory, and a new
     * user who is given the same name later must not inherit their failures.
     */
    void forget(Collection<String> usernames) {
        for (String username : usernames) {
            windows.remove("user:" + username);
        }
    }

    private long blockedFor(String key, int limit) {
        Window w = windows.get(key);
        if (w == null) {
            return 0;
        }
        long elapsed = System.nanoTime() - w.startNanos();
        if (elapsed > WINDOW.toNanos()) {
            windows.remove(key, w);
            return 0;
        }
        return w.failures() >= limit ? Math.max(1, (WINDOW.toNanos() - elapsed) / 1_000_000_000L) : 0;
    }

    private void bump(String key) {
        long now = System.nanoTime();
        windows.compute(key, (k, w) -> w == null || now - w.startNanos() > WINDOW.toNanos()
                ? new Window(now, 1) : new Window(w.startNanos(), w.failures() + 1));
        if (windows.size() > 100_000) {
            windows.clear(); // bounded memory under a spray of usernames; the per-address limits restart too
        }
    }
}
