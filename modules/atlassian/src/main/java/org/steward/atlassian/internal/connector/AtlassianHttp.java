package org.steward.atlassian.internal.connector;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.steward.platform.kernel.api.net.OutboundUrls;
import org.steward.platform.kernel.api.net.PrivateAddresses;

/**
 * The HTTP client of Atlassian's APIs: HTTP/1.1, no redirects (a credential never follows one), the URL rules of
 * every outbound call checked before each call, and answers read up to a bound.
 */
public final class AtlassianHttp {

    /** More than any answer of these APIs; a larger one is cut off, and then fails to parse. */
    static final int MAX_BODY = 1 << 20;

    /** An answer: status, the headers that matter, and the body (empty for none). */
    public record Answer(int status, Optional<String> cyclePeriod, Optional<String> retryAfter, String body) {
    }

    /** The call could not be made or answered (refused address, I/O, timeout): retried like a 5xx. */
    public static final class Unreachable extends Exception {
        public Unreachable(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final boolean allowHttp;
    private final boolean allowPrivate;

    public AtlassianHttp(Duration timeout, boolean allowHttp, boolean allowPrivate) {
        this.timeout = timeout;
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What is wrong with a configured base URL (its form, then where it points), or empty. */
    public Optional<String> problem(String url) {
        Optional<String> form = OutboundUrls.problem(url, allowHttp);
        if (form.isPresent() || allowPrivate) {
            return form;
        }
        return PrivateAddresses.problem(URI.create(url).getHost());
    }

    /** Sends; {@code body} null for a GET, {@code authorization} null for none (a token endpoint). */
    public Answer call(String method, URI uri, String authorization, String body) throws Unreachable {
        Optional<String> problem = problem(uri.toString());
        if (problem.isPresent()) {
            throw new Unreachable("refused: the URL " + problem.get());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (InputStream in = r.body()) {
                text = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            }
            return new Answer(r.statusCode(), r.headers().firstValue("Cycle-Period"),
                    r.headers().firstValue("Retry-After"), text);
        } catch (IOException e) {
            throw new Unreachable("unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }
}
