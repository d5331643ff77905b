package org.steward.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real webhook receiver on 127.0.0.1 for the integration tests. It records every request per path, checks
 * {@code Steward-Signature} with its own HMAC-SHA-256 (not Steward's code), and can be told to fail or to hold the
 * next requests of a path, as a receiver that is down or slow would.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and when. */
    public record Received(String path, String deliveryId, String event, String signature, String body,
                           boolean signatureValid, java.time.Instant at) {
    }

    /** Steward's answer to a callback. */
    public record Answer(int status, String body) {
    }

    private final HttpServer server;
    // A thread per request: a receiver that holds its answers must not also queue them (a queued request can outlast the caller's timeout).
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> failStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> holds = new ConcurrentHashMap<>();
    private final Map<String, Duration> holdFor = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The secret that requests to this path are signed with. */
    public void expectSecret(String path, byte[] secret) {
        secrets.put(path, secret.clone());
    }

    /** The next {@code n} requests to the path are answered with {@code status}. */
    public void failNext(String path, int n, int status) {
        failures.put(path, new AtomicInteger(n));
        failStatus.put(path, status);
    }

    /** The next {@code n} requests to the path are held for {@code time} before the answer (recorded on arrival). */
    public void hangNext(String path, int n, Duration time) {
        holds.put(path, new AtomicInteger(n));
        holdFor.put(path, time);
    }

    public List<Received> requests(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    public Set<String> distinctDeliveryIds(String path) {
        Set<String> ids = new LinkedHashSet<>();
        requests(path).forEach(r -> ids.add(r.deliveryId()));
        return ids;
    }

    public List<Received> awaitRequests(String path, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (requests(path).size() < count && System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        List<Received> got = requests(path);
        if (got.size() < count) {
            throw new AssertionError("The receiver got " + got.size() + " requests on " + path + ", not " + count);
        }
        return got;
    }

    /** POSTs a body signed as a recipient would sign its callback. */
    public Answer sendSigned(URI target, byte[] secret, String body, long unixSeconds) {
        String signature = "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").header("Steward-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String signature = ex.getRequestHeaders().getFirst("Steward-Signature");
        received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(path,
                ex.getRequestHeaders().getFirst("Steward-Delivery"), ex.getRequestHeaders().getFirst("Steward-Event"),
                signature, body, valid(secrets.get(path), signature, body), java.time.Instant.now()));
        AtomicInteger hold = holds.get(path);
        if (hold != null && hold.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
                Thread.sleep(holdFor.get(path).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        AtomicInteger fail = failures.get(path);
        int status = fail != null && fail.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failStatus.get(path) : 200;
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        try {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, answer.length);
            ex.getResponseBody().write(answer);
        } catch (IOException e) {
            // The sender went away while the answer was held (a killed server): nothing to answer.
        } finally {
            ex.close();
        }
    }

    /** {@code t=<seconds>,v1=<hex>}: the HMAC of "t.body" under the secret, compared in constant time. */
    static boolean valid(byte[] secret, String header, String body) {
        if (secret == null || header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        return t != null && v1 != null && MessageDigest.isEqual(v1.getBytes(StandardCharsets.US_ASCII),
                hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
