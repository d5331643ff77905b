package org.steward.sharing.internal.connector;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.steward.sharing.internal.connector.WebhookSender.Outcome;
import org.steward.sharing.internal.connector.WebhookSender.Result;

class WebhookSenderTest {

    private static final byte[] SECRET = WebhookSignature.newSecret();
    private static final byte[] BODY = "{\"subject\":\"42\",\"action\":\"erase\"}".getBytes(UTF_8);
    private static final long T = 1_750_000_000L;

    private record Received(String method, Headers headers, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile String answer = "{}";
    private volatile Duration hang = Duration.ZERO;
    private HttpServer server;
    private ExecutorService executor;
    private WebhookSender sender;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders(),
                        exchange.getRequestBody().readAllBytes()));
                Thread.sleep(hang.toMillis());
                byte[] out = answer.getBytes(UTF_8);
                if (status.get() == 302) {
                    exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
                }
                exchange.sendResponseHeaders(status.get(), status.get() == 204 ? -1 : out.length);
                if (status.get() != 204) {
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(out);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The sender gave up (a timeout test): nothing to answer.
            }
        });
        server.start();
        sender = new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(5), true, true);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void aHostOnThisNetworkIsNotCalledUnlessTheOperatorAllowsIt() {
        WebhookSender guarded = new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(5), true, false);
        Result result = guarded.send(url("/hook"), "propagation.requested", "d-1", SECRET, BODY, T);
        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.failure()).contains("private address");
        assertThat(received).as("nothing reached the loopback receiver").isEmpty();
    }

    @Test
    void postsTheBodyWithTheProtocolHeadersAndASignatureThatVerifies() throws Exception {
        Result result = sender.send(url("/hook"), "propagation.requested", "d-1", SECRET, BODY, T);

        assertThat(result).isEqualTo(new Result(Outcome.DELIVERED, 200, null));
        assertThat(result.delivered()).isTrue();
        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.body()).isEqualTo(BODY);
        assertThat(r.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(r.headers().getFirst("Steward-Event")).isEqualTo("propagation.requested");
        assertThat(r.headers().getFirst("Steward-Delivery")).isEqualTo("d-1");
        WebhookSignature.Verified verified = WebhookSignature.verify(SECRET,
                r.headers().getFirst("Steward-Signature"), r.body(), Instant.ofEpochSecond(T), Duration.ofMinutes(5));
        assertThat(verified.signedAt()).isEqualTo(Instant.ofEpochSecond(T));
    }

    @Test
    void sendsTheSameDeliveryIdOnARetry() {
        status.set(503);
        Result first = sender.send(url("/hook"), "subprocessor.notice", "d-7", SECRET, BODY, T);
        status.set(200);
        Result retry = sender.send(url("/hook"), "subprocessor.notice", "d-7", SECRET, BODY, T + 10);

        assertThat(first.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(retry.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(received).extracting(r -> r.headers().getFirst("Steward-Delivery")).containsExactly("d-7", "d-7");
        assertThat(received).extracting(r -> r.headers().getFirst("Steward-Signature")).doesNotHaveDuplicates();
    }

    @Test
    void countsAny2xxAsDelivered() {
        status.set(204);

        assertThat(sender.send(url("/hook"), "subprocessor.notice", "d-1", SECRET, BODY, T))
                .isEqualTo(new Result(Outcome.DELIVERED, 204, null));
    }

    @Test
    void rejectsAnythingElseWithItsStatusAndNeverItsBody() {
        status.set(500);
        answer = "{\"error\":\"stack trace with secrets\"}";

        Result result = sender.send(url("/hook"), "subprocessor.notice", "d-1", SECRET, BODY, T);

        assertThat(result).isEqualTo(new Result(Outcome.REJECTED, 500, null));
        assertThat(result.toString()).doesNotContain("secrets");
    }

    @Test
    void doesNotFollowARedirect() {
        status.set(302);

        assertThat(sender.send(url("/hook"), "subprocessor.notice", "d-1", SECRET, BODY, T))
                .isEqualTo(new Result(Outcome.REJECTED, 302, null));
        assertThat(received).hasSize(1);
    }

    @Test
    void reportsARefusedConnectionAsUnreachableByTheExceptionClass() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Result result = sender.send(URI.create("http://127.0.0.1:" + closedPort + "/hook"), "subprocessor.notice",
                "d-1", SECRET, BODY, T);

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.status()).isZero();
        assertThat(result.failure()).isEqualTo("java.net.ConnectException");
    }

    @Test
    void reportsAReceiverThatDoesNotAnswerInTimeAsUnreachable() {
        hang = Duration.ofSeconds(3);
        WebhookSender impatient = new WebhookSender(Duration.ofSeconds(2), Duration.ofMillis(300), true, true);

        long start = System.nanoTime();
        Result result = impatient.send(url("/hook"), "subprocessor.notice", "d-1", SECRET, BODY, T);

        assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(result.failure()).isEqualTo("java.net.http.HttpTimeoutException");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void refusesHttpUnlessAllowedAndUserInfoAlways() {
        WebhookSender strict = new WebhookSender(Duration.ofSeconds(1), Duration.ofSeconds(1), false, true);

        assertThatThrownBy(() -> strict.send(url("/hook"), "subprocessor.notice", "d-1", SECRET, BODY, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The webhook URL must use https");
        assertThatThrownBy(() -> sender.send(URI.create("http://u:p@127.0.0.1:"
                + server.getAddress().getPort() + "/hook"), "subprocessor.notice", "d-1", SECRET, BODY, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The webhook URL must not contain user info");
        assertThat(received).isEmpty();
    }

    @Test
    void refusesAnEventOrDeliveryIdThatIsNotAPlainHeaderValue() {
        assertThatThrownBy(() -> sender.send(url("/hook"), "a\r\nX-Injected: 1", "d-1", SECRET, BODY, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender.send(url("/hook"), "subprocessor.notice", "", SECRET, BODY, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(received).isEmpty();
    }

    @Test
    void refusesTimeoutsThatAreNotPositive() {
        assertThatThrownBy(() -> new WebhookSender(Duration.ZERO, Duration.ofSeconds(1), false, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSender(Duration.ofSeconds(1), Duration.ofSeconds(-1), false, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
