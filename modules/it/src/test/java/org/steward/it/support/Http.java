package org.steward.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests: raw bodies in, status + headers + parsed JSON out. */
public final class Http {

    // HTTP/1.1: on plain HTTP the JDK client upgrades to h2c, and JDK 17 can pick a connection that Payara is closing
    // as idle ("Idle connection closed by HTTP/2 peer"), which fails a request that never reached the server.
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final StewardServer server;
    private final String authHeader;
    private final String authValue;

    Http(StewardServer server) {
        this(server, null, null);
    }

    private Http(StewardServer server, String authHeader, String authValue) {
        this.server = server;
        this.authHeader = authHeader;
        this.authValue = authValue;
    }

    /** The same server, as a user with a password (HTTP Basic). */
    public Http basic(String username, String password) {
        return new Http(server, "Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The same server, as a machine client with an API key. */
    public Http apiKey(String key) {
        return new Http(server, "X-API-Key", key);
    }

    /** The same server, with any Authorization header (a bearer token, a malformed one...). */
    public Http authorization(String value) {
        return new Http(server, "Authorization", value);
    }

    /** The same server, without credentials. */
    public Http anonymous() {
        return new Http(server, null, null);
    }

    /** A response. {@code json()} parses the body; problem bodies parse the same way. */
    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                JsonStructure s = reader.read();
                return s.asJsonObject();
            }
        }

        public jakarta.json.JsonArray jsonArray() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(json(path, json).POST(body(json)));
    }

    public Response put(String path, String json) {
        return send(json(path, json).PUT(body(json)));
    }

    public Response patch(String path, String json) {
        return send(json(path, json).method("PATCH", body(json)));
    }

    /** A GET with extra headers (a request's status token). */
    public Response get(String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::header);
        return send(b);
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method, any content type: for the malformed requests that clients send in real life. */
    public Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = request(path).method(method, body(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    private HttpRequest.Builder json(String path, String json) {
        return request(path).header("Content-Type", "application/json");
    }

    /** Adds this client's credentials to a hand-built request. */
    public HttpRequest.Builder authenticate(HttpRequest.Builder b) {
        if (authHeader != null) {
            b.header(authHeader, authValue);
        }
        return b;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path));
        if (authHeader != null) {
            b.header(authHeader, authValue);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher body(String s) {
        return s == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(s);
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = CLIENT.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
