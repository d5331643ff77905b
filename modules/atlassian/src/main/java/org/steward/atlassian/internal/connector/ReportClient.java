package org.steward.atlassian.internal.connector;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Atlassian's personal data reporting API, both ways of calling it: Forge and OAuth 2.0 apps POST to
 * {@code /app/report-accounts/} with a bearer token, Connect apps to
 * {@code /rest/atlassian-connect/latest/report-accounts} with a JWT of the installation's shared secret.
 */
public final class ReportClient {

    public static final String OAUTH_PATH = "/app/report-accounts/";
    public static final String CONNECT_PATH = "/rest/atlassian-connect/latest/report-accounts";
    public static final int MAX_ACCOUNTS = 90;

    /** Millisecond precision with a Z, as in Atlassian's own example ({@code 2018-10-25T23:08:51.382Z}). */
    private static final DateTimeFormatter UPDATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    /** Where and as whom: {@code credential} is the bearer token (OAUTH) or the shared secret (CONNECT). */
    public record Target(boolean connect, String baseUrl, String appKey, String credential) {
        @Override
        public String toString() {
            return "Target[" + (connect ? "CONNECT" : "OAUTH") + "]";
        }
    }

    public record Account(String accountId, OffsetDateTime updatedAt) {
    }

    /** What Atlassian said: per account, {@code closed} or {@code updated}; the rest of the batch needs nothing. */
    public record Outcome(Kind kind, int status, Map<String, String> statuses, Duration retryAfter,
                          java.util.Optional<String> cyclePeriod, String error) {

        public enum Kind { ANSWERED, RATE_LIMITED, FAILED }

        /** A failure before or instead of an answer. */
        public static Outcome failed(int status, String error) {
            return new Outcome(Kind.FAILED, status, Map.of(), null, java.util.Optional.empty(), error);
        }
    }

    private final AtlassianHttp http;

    public ReportClient(AtlassianHttp http) {
        this.http = http;
    }

    public static String body(List<Account> accounts) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (Account x : accounts) {
            a.add(JSON.createObjectBuilder().add("accountId", x.accountId())
                    .add("updatedAt", UPDATED_AT.format(x.updatedAt().withOffsetSameInstant(ZoneOffset.UTC))));
        }
        return JSON.createObjectBuilder().add("accounts", a).build().toString();
    }

    public Outcome report(Target target, List<Account> accounts, Instant now) {
        if (accounts.isEmpty() || accounts.size() > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("a report holds 1 to " + MAX_ACCOUNTS + " accounts");
        }
        String base = target.baseUrl().endsWith("/") ? target.baseUrl().substring(0, target.baseUrl().length() - 1)
                : target.baseUrl();
        String path = target.connect() ? CONNECT_PATH : OAUTH_PATH;
        String auth = target.connect()
                ? "JWT " + ConnectJwt.sign(target.appKey(), target.credential().getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), "POST", path, null, now, Duration.ofMinutes(3))
                : "Bearer " + target.credential();
        AtlassianHttp.Answer a;
        try {
            a = http.call("POST", URI.create(base + path), auth, body(accounts));
        } catch (AtlassianHttp.Unreachable e) {
            return Outcome.failed(0, e.getMessage());
        }
        return switch (a.status()) {
            case 200 -> answered(a);
            case 204 -> new Outcome(Outcome.Kind.ANSWERED, 204, Map.of(), null, a.cyclePeriod(), null);
            case 429 -> new Outcome(Outcome.Kind.RATE_LIMITED, 429, Map.of(),
                    a.retryAfter().flatMap(h -> RetryAfter.parse(h, now)).orElse(null), a.cyclePeriod(),
                    "429: rate limited");
            default -> new Outcome(Outcome.Kind.FAILED, a.status(), Map.of(), null, a.cyclePeriod(),
                    a.status() + ": " + error(a.body()));
        };
    }

    private static Outcome answered(AtlassianHttp.Answer a) {
        Map<String, String> statuses = new LinkedHashMap<>();
        try (JsonReader r = JSON.createReader(new StringReader(a.body()))) {
            JsonObject o = r.readObject();
            for (JsonValue v : o.getJsonArray("accounts")) {
                JsonObject acc = v.asJsonObject();
                statuses.put(acc.getString("accountId"), acc.getString("status"));
            }
        } catch (JsonException | ClassCastException | NullPointerException | IllegalStateException e) {
            return new Outcome(Outcome.Kind.FAILED, 200, Map.of(), null, a.cyclePeriod(),
                    "200 with an answer that is not the documented JSON");
        }
        return new Outcome(Outcome.Kind.ANSWERED, 200, statuses, null, a.cyclePeriod(), null);
    }

    /** Atlassian's {@code errorType: errorMessage}, bounded; nothing of the body if it is not that. */
    static String error(String body) {
        try (JsonReader r = JSON.createReader(new StringReader(body))) {
            JsonObject o = r.readObject();
            String text = o.getString("errorType", "error") + ": " + o.getString("errorMessage", "");
            return text.length() > 300 ? text.substring(0, 300) : text;
        } catch (RuntimeException e) {
            return "no error details";
        }
    }
}
