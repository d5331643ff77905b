package org.steward.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.steward.it.support.Http;

/** Assertions on RFC 9457 problem answers, shared by the identity ITs. */
final class ProblemAssert {

    static final String TYPE_PREFIX = "urn:steward:problem:";

    private ProblemAssert() {
    }

    /**
     * Asserts the status, the problem content type, the {@code type} URI, the correlation id (body = header), the
     * absence of stack traces, and that {@code errors[].field} names each of {@code fields}. Returns the body.
     */
    static JsonObject problem(Http.Response r, int status, String slug, String... fields) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.contentType()).as("content type of %s", r).startsWith("application/problem+json");
        JsonObject p = r.json();
        assertThat(p.getString("type")).as("type of %s", r).isEqualTo(TYPE_PREFIX + slug);
        assertThat(p.getInt("status")).isEqualTo(status);
        assertThat(p.getString("title", "")).isNotBlank();
        assertThat(p.getString("correlationId", null)).as("correlationId of %s", r).isNotBlank()
                .isEqualTo(r.header("X-Correlation-Id"));
        assertNoStackTrace(r);
        if (fields.length > 0) {
            assertThat(fields(p)).as("errors[].field of %s", r).contains(fields);
        }
        return p;
    }

    /** The {@code errors[].field} values of a problem, in order; empty when it has none. */
    static List<String> fields(JsonObject problem) {
        List<String> out = new ArrayList<>();
        if (problem.containsKey("errors") && problem.get("errors").getValueType() == JsonValue.ValueType.ARRAY) {
            problem.getJsonArray("errors").forEach(e -> out.add(e.asJsonObject().getString("field")));
        }
        return out;
    }

    static void assertNoStackTrace(Http.Response r) {
        assertThat(r.body()).as("body of %s", r).doesNotContain("at org.").doesNotContain("at java.")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** The answers that every API response carries. */
    static void assertSafetyHeaders(Http.Response r) {
        assertThat(r.header("X-Content-Type-Options")).as("nosniff on %s", r).isEqualTo("nosniff");
        assertThat(r.header("Cache-Control")).as("Cache-Control on %s", r).isEqualTo("no-store");
        assertThat(r.header("X-Correlation-Id")).as("X-Correlation-Id on %s", r).isNotBlank();
    }
}
