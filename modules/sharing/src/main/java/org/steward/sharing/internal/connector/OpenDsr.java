package org.steward.sharing.internal.connector;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The parts of OpenDSR (the controller-to-processor protocol that began as OpenGDPR) that a controller needs to
 * tell a processor of an erasure: the request it POSTs to {@code /opengdpr_requests}, and the status callback the
 * processor POSTs back. Field names are the specification's.
 */
public final class OpenDsr {

    /** The specification's version that these messages follow. */
    public static final String API_VERSION = "0.1";

    /** The final status of a request the processor carried out. */
    public static final String COMPLETED = "completed";

    /** The request types OpenDSR defines. It has none for a correction or a restriction: those stay manual. */
    public enum Type {
        ERASURE("erasure"), ACCESS("access"), PORTABILITY("portability");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The type for a propagation's kind ({@code ERASURE}, ...); empty where OpenDSR has none. */
        public static Optional<Type> forKind(String kind) {
            return "ERASURE".equals(kind) ? Optional.of(ERASURE) : Optional.empty();
        }
    }

    /** A status callback, as the processor sent it (verify its signature before believing it). */
    public record Callback(String controllerId, String subjectRequestId, String requestStatus,
                           String expectedCompletionTime) {
    }

    private OpenDsr() {
    }

    /**
     * The request body. Identities: {@code email} (raw) when the subject's email is known, and
     * {@code controller_customer_id} for the Atlassian accountId, else Steward's subject id.
     *
     * @param subject the identifiers ({@code email}, {@code accountId}, {@code subjectId}), as the task holds them
     */
    public static byte[] request(String subjectRequestId, Type type, Instant submitted, JsonObject subject,
                                 String callbackUrl) {
        JsonArrayBuilder identities = JSON.createArrayBuilder();
        String email = text(subject, "email");
        if (email != null) {
            identities.add(identity("email", email));
        }
        String customer = text(subject, "accountId") != null ? text(subject, "accountId") : text(subject, "subjectId");
        if (customer != null) {
            identities.add(identity("controller_customer_id", customer));
        }
        return JSON.createObjectBuilder()
                .add("subject_request_id", subjectRequestId)
                .add("subject_request_type", type.wire())
                .add("submitted_time", submitted.toString())
                .add("identities", identities)
                .add("api_version", API_VERSION)
                .add("status_callback_urls", JSON.createArrayBuilder().add(callbackUrl))
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a callback body; an exception when it is not one (no JSON object, no {@code subject_request_id}). */
    public static Callback parseCallback(byte[] body) {
        JsonObject o;
        try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = text(o, "subject_request_id");
        String status = text(o, "request_status");
        if (id == null || status == null) {
            throw new IllegalArgumentException("subject_request_id and request_status are required");
        }
        return new Callback(text(o, "controller_id"), id, status, text(o, "expected_completion_time"));
    }

    private static JsonObject identity(String type, String value) {
        return JSON.createObjectBuilder().add("identity_type", type).add("identity_value", value)
                .add("identity_format", "raw").build();
    }

    static String text(JsonObject o, String name) {
        return o != null && o.get(name) instanceof JsonString s && !s.getString().isEmpty() ? s.getString() : null;
    }
}
