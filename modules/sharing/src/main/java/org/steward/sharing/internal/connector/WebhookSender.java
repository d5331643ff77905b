package org.steward.sharing.internal.connector;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.steward.platform.kernel.api.net.OutboundUrls;
import org.steward.platform.kernel.api.net.PrivateAddresses;

/**
 * Posts one signed webhook delivery and says how it went. Remote failures are outcomes, not exceptions: the caller
 * records them and schedules the retry with {@link org.steward.platform.kernel.api.net.Backoff}, reusing the delivery id so the receiver can drop the
 * duplicates that a lost answer causes.
 *
 * <p>Redirects are not followed (a receiver could point a signed body at another host), and the answer's body is never
 * read: a receiver's error page is neither trusted nor stored. Thread-safe; one instance serves all deliveries.
 */
public final class WebhookSender {

    /** The header naming the event type. */
    public static final String EVENT_HEADER = "Steward-Event";

    /** The header carrying the delivery id, the same on every retry of one delivery. */
    public static final String DELIVERY_HEADER = "Steward-Delivery";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final boolean allowHttp;
    private final boolean allowPrivate;

    /** How a delivery went. */
    public enum Outcome {
        /** The receiver answered 2xx. */
        DELIVERED,
        /** The receiver answered, but not 2xx (a redirect included): retried later. */
        REJECTED,
        /** No answer: connection refused, TLS failed, timed out. Retried later. */
        UNREACHABLE
    }

    /**
     * The outcome of one attempt.
     *
     * @param outcome the outcome
     * @param status  the receiver's HTTP status; 0 when {@link Outcome#UNREACHABLE}
     * @param failure the class name of the exception when {@link Outcome#UNREACHABLE}, else null: enough to tell a
     *                timeout from a refused connection without storing what a remote host said
     */
    public record Result(Outcome outcome, int status, String failure) {

        public Result {
            Objects.requireNonNull(outcome, "outcome");
        }

        static Result answered(int status) {
            return new Result(status >= 200 && status < 300 ? Outcome.DELIVERED : Outcome.REJECTED, status, null);
        }

        static Result unreachable(Throwable cause) {
            return new Result(Outcome.UNREACHABLE, 0, cause.getClass().getName());
        }

        public boolean delivered() {
            return outcome == Outcome.DELIVERED;
        }
    }

    /**
     * @param connectTimeout how long to wait for a connection (TLS handshake included)
     * @param requestTimeout how long to wait for the answer's status once connected
     * @param allowHttp      whether plain http URLs are accepted (an operator setting for tests); https otherwise
     * @param allowPrivate   whether a host on this network ({@link PrivateAddresses}) may be called (tests, closed
     *                       networks); otherwise such a call is refused as UNREACHABLE before it is made
     */
    public WebhookSender(Duration connectTimeout, Duration requestTimeout, boolean allowHttp, boolean allowPrivate) {
        requirePositive(connectTimeout, "connectTimeout");
        this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        // HTTP/1.1: a receiver is any web server; h2c upgrades and HTTP/2 connection reuse only add ways to fail.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * POSTs {@code body} to {@code url}, signed with {@code secret} at {@code unixSeconds}.
     *
     * @param event      the event type, e.g. {@code subprocessor.notice}
     * @param deliveryId the delivery's id, the same on each retry
     * @throws IllegalArgumentException if the URL breaks {@link OutboundUrls}' rules, or the event or delivery id is
     *                                  not a plain header value; never for what the receiver does
     */
    public Result send(URI url, String event, String deliveryId, byte[] secret, byte[] body, long unixSeconds) {
        OutboundUrls.require(url, allowHttp);
        requireToken(event, "event");
        requireToken(deliveryId, "deliveryId");
        Objects.requireNonNull(body, "body");
        if (!allowPrivate && PrivateAddresses.problem(url.getHost()).isPresent()) {
            return new Result(Outcome.UNREACHABLE, 0, "refused: the host resolves to a private address");
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(EVENT_HEADER, event)
                .header(DELIVERY_HEADER, deliveryId)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, unixSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            discard(response.body());
            return Result.answered(response.statusCode());
        } catch (IOException e) {
            return Result.unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unreachable(e);
        }
    }

    /** Closed unread: a receiver that streams an endless answer cannot hold the sender past the status line. */
    private static void discard(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // The status is what counts; a connection that fails now is simply not reused.
        }
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    private static void requireToken(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.length() > 200 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(name + " must be 1 to 200 visible ASCII characters");
        }
    }
}
