package org.steward.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OpenDSR processor on 127.0.0.1 for the integration tests: it takes requests at
 * {@code POST /opengdpr_requests} (answering 201 as the specification does, or 500 for the next N when told to),
 * answers their status at {@code GET /opengdpr_requests/{id}} and its discovery at {@code GET /discovery}, and sends
 * status callbacks signed with its own RSA key ({@code X-OpenDSR-Signature}, SHA256withRSA over the body) whose
 * self-signed certificate names its domain. The key pair and certificate come from the JDK's keytool.
 */
public final class OpenDsrProcessor implements AutoCloseable {

    /** One request the processor received. */
    public record Received(String subjectRequestId, String subjectRequestType, String body) {
    }

    private final String domain;
    private final HttpServer server;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, String> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger submissions = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public OpenDsrProcessor(String domain) {
        this.domain = domain;
        try {
            Path dir = Files.createTempDirectory("opendsr");
            Path store = dir.resolve("processor.p12");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "processor", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                    "CN=" + domain, "-ext", "SAN=dns:" + domain, "-validity", "30", "-keystore", store.toString(),
                    "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, "changeit".toCharArray());
            }
            key = (PrivateKey) ks.getKey("processor", "changeit".toCharArray());
            certificate = (X509Certificate) ks.getCertificate("processor");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The certificate, PEM: what Steward's connector is given to verify callbacks. */
    public String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code n} submissions are answered 500. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** Every submission, those answered 500 included. */
    public int submissions() {
        return submissions.get();
    }

    public List<Received> requests() {
        return List.copyOf(received);
    }

    public List<Received> awaitRequests(int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < end) {
            sleep(100);
        }
        if (received.size() < count) {
            throw new AssertionError("The OpenDSR processor received " + received.size() + " requests, not " + count);
        }
        return requests();
    }

    /** Sets what the status endpoint answers for a request (pending until then). */
    public void status(String subjectRequestId, String status) {
        statuses.put(subjectRequestId, status);
    }

    /** POSTs a correctly signed status callback; returns Steward's HTTP status. */
    public int sendCallback(URI callbackUrl, String subjectRequestId, String status) {
        byte[] body = callbackBody(subjectRequestId, status, callbackUrl);
        return post(callbackUrl, body, domain, sign(body));
    }

    /** A callback whose body was changed after it was signed. */
    public int sendTamperedCallback(URI callbackUrl, String subjectRequestId, String status) {
        byte[] body = callbackBody(subjectRequestId, status, callbackUrl);
        String signature = sign(body);
        byte[] changed = new String(body, StandardCharsets.UTF_8).replace(status, status + " ")
                .getBytes(StandardCharsets.UTF_8);
        return post(callbackUrl, changed, domain, signature);
    }

    /** A correctly signed callback that claims another processor's domain. */
    public int sendCallbackAs(URI callbackUrl, String subjectRequestId, String status, String claimedDomain) {
        byte[] body = callbackBody(subjectRequestId, status, callbackUrl);
        return post(callbackUrl, body, claimedDomain, sign(body));
    }

    private byte[] callbackBody(String subjectRequestId, String status, URI callbackUrl) {
        return Json.createObjectBuilder().add("controller_id", "steward").add("expected_completion_time",
                        Instant.now().plusSeconds(86400).toString()).add("status_callback_url", callbackUrl.toString())
                .add("subject_request_id", subjectRequestId).add("request_status", status).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private String sign(byte[] body) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(body);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private int post(URI target, byte[] body, String claimedDomain, String signature) {
        try {
            return client.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").header("X-OpenDSR-Processor-Domain", claimedDomain)
                    .header("X-OpenDSR-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if ("GET".equals(method) && "/discovery".equals(path)) {
            answer(ex, 200, Json.createObjectBuilder().add("api_version", "0.1")
                    .add("supported_identities", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("identity_type", "email").add("identity_format", "raw")))
                    .add("supported_subject_request_types", Json.createArrayBuilder().add("erasure"))
                    .add("processor_certificate", baseUri() + "/cert.pem").build().toString());
        } else if ("GET".equals(method) && "/cert.pem".equals(path)) {
            answer(ex, 200, certificatePem());
        } else if ("POST".equals(method) && "/opengdpr_requests".equals(path)) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            submissions.incrementAndGet();
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(ex, 500, "{\"error\":{\"code\":500,\"title\":\"unavailable\"}}");
                return;
            }
            JsonObject request = Json.createReader(new StringReader(body)).readObject();
            String id = request.getString("subject_request_id");
            received.add(new Received(id, request.getString("subject_request_type"), body));
            statuses.putIfAbsent(id, "pending");
            answer(ex, 201, Json.createObjectBuilder().add("controller_id", "steward")
                    .add("expected_completion_time", Instant.now().plusSeconds(86400).toString())
                    .add("received_time", Instant.now().toString()).add("subject_request_id", id)
                    .add("encoded_request", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)))
                    .build().toString());
        } else if ("GET".equals(method) && path.startsWith("/opengdpr_requests/")) {
            String id = path.substring("/opengdpr_requests/".length());
            String status = statuses.get(id);
            if (status == null) {
                answer(ex, 404, "{\"error\":{\"code\":404,\"title\":\"not found\"}}");
                return;
            }
            answer(ex, 200, Json.createObjectBuilder().add("controller_id", "steward").add("subject_request_id", id)
                    .add("request_status", status).add("api_version", "0.1").build().toString());
        } else {
            answer(ex, 404, "{}");
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
