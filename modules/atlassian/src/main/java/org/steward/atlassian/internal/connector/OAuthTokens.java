package org.steward.atlassian.internal.connector;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;

/**
 * Atlassian's OAuth 2.0 token endpoint, for apps that report with their own client: a refresh token buys an access
 * token (an hour, typically) and, with rotating refresh tokens, the next refresh token, which must be kept.
 */
public final class OAuthTokens {

    public static final String DEFAULT_TOKEN_URL = "https://auth.atlassian.com/oauth/token";

    /** The client and its current refresh token. */
    public record Client(String tokenUrl, String clientId, String clientSecret, String refreshToken) {
        @Override
        public String toString() {
            return "Client[" + clientId + "]";
        }
    }

    /** What the endpoint gave: the access token until {@code expiresAt}, and the refresh token to use next. */
    public record Grant(String accessToken, Instant expiresAt, String refreshToken) {
        @Override
        public String toString() {
            return "Grant[until " + expiresAt + "]";
        }
    }

    /** The endpoint refused or did not answer: {@code status} 0 when unreachable. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private final AtlassianHttp http;

    public OAuthTokens(AtlassianHttp http) {
        this.http = http;
    }

    public Grant refresh(Client c, Instant now) throws Refused {
        String body = JSON.createObjectBuilder().add("grant_type", "refresh_token").add("client_id", c.clientId())
                .add("client_secret", c.clientSecret()).add("refresh_token", c.refreshToken()).build().toString();
        AtlassianHttp.Answer a;
        try {
            a = http.call("POST", URI.create(c.tokenUrl()), null, body);
        } catch (AtlassianHttp.Unreachable e) {
            throw new Refused("token refresh " + e.getMessage());
        }
        if (a.status() != 200) {
            throw new Refused("token refresh: " + a.status() + ": " + error(a.body()));
        }
        try (JsonReader r = JSON.createReader(new StringReader(a.body()))) {
            JsonObject o = r.readObject();
            String access = o.getString("access_token");
            long expiresIn = o.containsKey("expires_in") ? o.getJsonNumber("expires_in").longValue() : 3600;
            return new Grant(access, now.plusSeconds(Math.max(0, expiresIn)),
                    o.getString("refresh_token", c.refreshToken()));
        } catch (RuntimeException e) {
            throw new Refused("token refresh: 200 with an answer that is not OAuth's JSON");
        }
    }

    /** OAuth's {@code error: error_description}, bounded; nothing of the body if it is not that. */
    private static String error(String body) {
        try (JsonReader r = JSON.createReader(new StringReader(body))) {
            JsonObject o = r.readObject();
            String text = o.getString("error", "error") + ": " + o.getString("error_description", "");
            return text.length() > 300 ? text.substring(0, 300) : text;
        } catch (RuntimeException e) {
            return "no error details";
        }
    }
}
