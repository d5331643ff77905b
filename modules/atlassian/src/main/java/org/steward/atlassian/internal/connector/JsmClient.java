package org.steward.atlassian.internal.connector;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of Jira Service Management's REST API ({@code /rest/servicedeskapi}) the help center channel uses: the
 * desk's requests, one request, a public comment, and a transition.
 */
public final class JsmClient {

    static final String API = "/rest/servicedeskapi";
    private static final int COMMENT_PAGE = 100;
    /** A ticket's comments read at most: Steward posts a handful to each. */
    private static final int MAX_COMMENT_PAGES = 10;

    /** Where and as whom: {@code authorization} is the whole header value (Basic … or Bearer …). */
    public record Desk(String siteUrl, String serviceDeskId, String authorization) {
        @Override
        public String toString() {
            return "Desk[" + serviceDeskId + "]";
        }
    }

    /** A portal request as JSM describes it; {@code accountId} and {@code email} may be null. */
    public record PortalRequest(String issueKey, String requestTypeId, String serviceDeskId, long createdMillis,
                                String accountId, String email) {
    }

    public record RequestPage(List<PortalRequest> requests, boolean lastPage) {
    }

    /** A call JSM refused or did not answer: {@code status} 0 when unreachable. */
    public static final class JsmException extends Exception {
        private final int status;

        public JsmException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final AtlassianHttp http;

    public JsmClient(AtlassianHttp http) {
        this.http = http;
    }

    /** The desk's requests, newest first, from {@code start}. */
    public RequestPage requests(Desk d, int start, int limit) throws JsmException {
        JsonObject o = object(call(d, "GET", API + "/request?serviceDeskId=" + enc(d.serviceDeskId())
                + "&requestOwnership=ALL_REQUESTS&requestStatus=ALL_REQUESTS&start=" + start + "&limit=" + limit,
                null, 200));
        List<PortalRequest> out = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("values")) {
            out.add(request(v.asJsonObject()));
        }
        return new RequestPage(out, o.getBoolean("isLastPage", out.size() < limit));
    }

    /** One request; empty when JSM does not know it (404). */
    public Optional<PortalRequest> request(Desk d, String issueKey) throws JsmException {
        try {
            return Optional.of(request(object(call(d, "GET", API + "/request/" + enc(issueKey), null, 200))));
        } catch (JsmException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void comment(Desk d, String issueKey, String body) throws JsmException {
        call(d, "POST", API + "/request/" + enc(issueKey) + "/comment", JSON.createObjectBuilder()
                .add("body", body).add("public", true).build().toString(), 201);
    }

    /**
     * Whether the request already has a public comment with exactly this body: a retry whose earlier try may have got
     * through asks before it posts. Reads the comments page by page, newest pages being the last.
     */
    public boolean hasComment(Desk d, String issueKey, String body) throws JsmException {
        for (int start = 0, page = 0; page < MAX_COMMENT_PAGES; page++) {
            JsonObject o = object(call(d, "GET", API + "/request/" + enc(issueKey) + "/comment?public=true"
                    + "&internal=false&start=" + start + "&limit=" + COMMENT_PAGE, null, 200));
            if (!(o.get("values") instanceof JsonArray values)) {
                throw new JsmException(200, "a comment page without values");
            }
            for (JsonValue v : values) {
                if (v.getValueType() == JsonValue.ValueType.OBJECT
                        && body.equals(v.asJsonObject().getString("body", null))) {
                    return true;
                }
            }
            if (o.getBoolean("isLastPage", true) || values.isEmpty()) {
                return false;
            }
            start += values.size();
        }
        return false;
    }

    /**
     * Moves the request on by the transition named {@code transition} (its id or its name, case-insensitive). False
     * when no such transition is offered (the request is already resolved, or the workflow lacks it).
     */
    public boolean transition(Desk d, String issueKey, String transition) throws JsmException {
        JsonObject o = object(call(d, "GET", API + "/request/" + enc(issueKey) + "/transition", null, 200));
        String id = null;
        for (JsonValue v : o.getJsonArray("values")) {
            JsonObject t = v.asJsonObject();
            if (t.getString("id", "").equals(transition) || t.getString("name", "").equalsIgnoreCase(transition)) {
                id = t.getString("id");
                break;
            }
        }
        if (id == null) {
            return false;
        }
        call(d, "POST", API + "/request/" + enc(issueKey) + "/transition",
                JSON.createObjectBuilder().add("id", id).build().toString(), 204);
        return true;
    }

    private String call(Desk d, String method, String path, String body, int expected) throws JsmException {
        String base = d.siteUrl().endsWith("/") ? d.siteUrl().substring(0, d.siteUrl().length() - 1) : d.siteUrl();
        AtlassianHttp.Answer a;
        try {
            a = http.call(method, URI.create(base + path), d.authorization(), body);
        } catch (AtlassianHttp.Unreachable e) {
            throw new JsmException(0, e.getMessage());
        }
        if (a.status() != expected && !(a.status() / 100 == 2 && expected / 100 == 2)) {
            throw new JsmException(a.status(), method + " " + path.replaceAll("\\?.*", "") + ": " + a.status());
        }
        return a.body();
    }

    private static JsonObject object(String body) throws JsmException {
        try (JsonReader r = JSON.createReader(new StringReader(body))) {
            return r.readObject();
        } catch (RuntimeException e) {
            throw new JsmException(200, "an answer that is not JSON");
        }
    }

    private static PortalRequest request(JsonObject o) throws JsmException {
        try {
            JsonObject reporter = o.containsKey("reporter") && o.get("reporter").getValueType()
                    == JsonValue.ValueType.OBJECT ? o.getJsonObject("reporter") : null;
            long created = o.containsKey("createdDate") ? o.getJsonObject("createdDate")
                    .getJsonNumber("epochMillis").longValue() : 0;
            return new PortalRequest(o.getString("issueKey"), o.getString("requestTypeId", null),
                    o.getString("serviceDeskId", null), created, text(reporter, "accountId"),
                    text(reporter, "emailAddress"));
        } catch (RuntimeException e) {
            throw new JsmException(200, "a request that is not JSM's JSON");
        }
    }

    private static String text(JsonObject o, String name) {
        return o == null || !o.containsKey(name) || o.get(name).getValueType() != JsonValue.ValueType.STRING ? null
                : o.getString(name);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
