package org.steward.app.demo;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The demo loader's client of Steward's own REST API, over loopback: the dataset goes through the same validation,
 * rules, audit and events as any client's data. A refused call is logged (status and path: ids only) and skipped.
 */
final class DemoApi {

    private static final Logger LOG = Logger.getLogger(DemoApi.class.getName());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;
    private int refused;

    DemoApi(String base, String username, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    JsonObject get(String path) {
        return send("GET", path, null, null);
    }

    JsonObject post(String path, String json) {
        return send("POST", path, json, null);
    }

    JsonObject put(String path, String json) {
        return send("PUT", path, json, null);
    }

    JsonObject patch(String path, String json) {
        return send("PATCH", path, json, null);
    }

    /** A call as a website visitor's browser makes it: anonymous, optionally with a Global Privacy Control signal. */
    JsonObject visitor(String method, String path, String json, boolean gpc) {
        return send(method, path, json, gpc ? "1" : "");
    }

    int refused() {
        return refused;
    }

    /** The answer's JSON object; an empty object for a refused call or a body that is not an object. */
    private JsonObject send(String method, String path, String json, String gpc) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (gpc == null) {
            request.header("Authorization", authorization);
        } else if (!gpc.isEmpty()) {
            request.header("Sec-GPC", gpc);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 400) {
                refused++;
                LOG.warning("Demo data: " + method + " " + path + " answered " + answer.statusCode() + " "
                        + problemType(answer.body()));
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            String body = answer.body();
            if (body == null || !body.strip().startsWith("{")) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            try (JsonReader reader = JSON.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Demo data: " + method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo data: interrupted", e);
        }
    }

    /** Only the problem's type and field names: a detail could quote a value. */
    private static String problemType(String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return "";
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonObject p = reader.readObject();
            StringBuilder out = new StringBuilder(p.getString("type", ""));
            if (p.containsKey("errors") && p.get("errors").getValueType() == JsonValue.ValueType.ARRAY) {
                p.getJsonArray("errors").forEach(e -> out.append(' ').append(e.asJsonObject().getString("field", "")));
            }
            return out.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
