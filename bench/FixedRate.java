import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load driver at a fixed rate (what wrk2 does; wrk2 is not packaged by Debian):
 * {@code java FixedRate.java URL API_KEY RATE SECONDS [WARMUP_SECONDS]}. Request i is due at start + i/RATE; its
 * latency is measured from when it was DUE, not from when it was sent, so a stalled server cannot hide its queueing
 * (no coordinated omission). Prints achieved rate, errors and latency percentiles in ms.
 *
 * <p>The driver warms up first (WARMUP_SECONDS at the same rate, default 10, not measured): a fresh JVM's HttpClient
 * opens its connections and is interpreted for its first thousands of requests, which alone put tens of
 * milliseconds into the p99 of a 15 s run (measured: issue 15). With {@code FIXED_RATE_SLOW_MS} set, each request
 * slower than that is printed to stderr with its due time (epoch ms), to line it up with the server's GC and
 * safepoint log.
 */
public class FixedRate {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String key = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("X-API-Key", key).timeout(Duration.ofSeconds(10))
                .GET().build();
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        long slowNanos = System.getenv("FIXED_RATE_SLOW_MS") == null ? Long.MAX_VALUE
                : Long.parseLong(System.getenv("FIXED_RATE_SLOW_MS")) * 1_000_000L;
        if (warmup > 0) {
            run(client, request, rate, warmup, new ConcurrentLinkedQueue<>(), new AtomicInteger(), Long.MAX_VALUE);
        }
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        double elapsed = run(client, request, rate, seconds, latencies, errors, slowNanos);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("requests %d  ok %d  errors %d  achieved %.1f req/s  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms"
                        + "  p99.9 %.2f ms  max %.2f ms%n", total, sorted.size(), errors.get(), total / elapsed,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), pct(sorted, 100));
    }

    /** Sends RATE requests a second for SECONDS; returns the seconds it took until the last answer. */
    private static double run(HttpClient client, HttpRequest request, int rate, int seconds,
                              ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors, long slowNanos) {
        int total = rate * seconds;
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                long done = System.nanoTime();
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                } else {
                    latencies.add(done - due);
                    if (done - due > slowNanos) {
                        System.err.printf("slow %d %.2f%n", startMillis + (due - start) / 1_000_000,
                                (done - due) / 1e6);
                    }
                }
                return null;
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
