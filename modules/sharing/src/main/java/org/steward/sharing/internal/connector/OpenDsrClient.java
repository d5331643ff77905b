package org.steward.sharing.internal.connector;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.steward.platform.kernel.api.net.OutboundUrls;
import org.steward.platform.kernel.api.net.PrivateAddresses;

/**
 * Talks to an OpenDSR processor: submits a request ({@code POST {base}/opengdpr_requests}) and asks for its status
 * ({@code GET {base}/opengdpr_requests/{id}}). Failures are exceptions that carry the status, never the body.
 */
public final class OpenDsrClient {

    /** The processor did not take the request (an answer other than 2xx, or no answer). */
    public static final class Failed extends RuntimeException {

        public Failed(String message) {
            super(message);
        }
    }

    /** What the processor says of a request. */
    public record Status(String subjectRequestId, String requestStatus, String expectedCompletionTime) {
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final boolean allowHttp;
    private final boolean allowPrivate;

    public OpenDsrClient(Duration connectTimeout, Duration requestTimeout, boolean allowHttp, boolean allowPrivate) {
        this.requestTimeout = requestTimeout;
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Submits the request; its {@code subject_request_id} makes a retry the same request to the processor. */
    public Status submit(URI base, byte[] request) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(endpoint(base, "/opengdpr_requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(request)));
        JsonObject o = json(r);
        return new Status(OpenDsr.text(o, "subject_request_id"), OpenDsr.text(o, "request_status"),
                OpenDsr.text(o, "expected_completion_time"));
    }

    public Status status(URI base, String subjectRequestId) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(endpoint(base, "/opengdpr_requests/" + subjectRequestId))
                .GET());
        JsonObject o = json(r);
        String status = OpenDsr.text(o, "request_status");
        if (status == null) {
            throw new Failed("the processor's status answer has no request_status");
        }
        return new Status(OpenDsr.text(o, "subject_request_id"), status, OpenDsr.text(o,
                "expected_completion_time"));
    }

    private URI endpoint(URI base, String path) {
        OutboundUrls.require(base, allowHttp);
        if (!allowPrivate && PrivateAddresses.problem(base.getHost()).isPresent()) {
            throw new Failed("refused: the processor's host resolves to a private address");
        }
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = client.send(b.timeout(requestTimeout).header("Accept", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() < 200 || r.statusCode() > 299) {
                throw new Failed("the processor answered " + r.statusCode());
            }
            return r;
        } catch (IOException e) {
            throw new Failed("the processor is unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        }
    }

    private static JsonObject json(HttpResponse<byte[]> r) {
        try (var reader = JSON.createReader(new ByteArrayInputStream(r.body()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new Failed("the processor's answer is not a JSON object");
        }
    }
}
