package org.steward.platform.kernel.api;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS), the one canonical form of what the server signs or hashes: members
 * sorted by their UTF-16 code units, no whitespace, strings with the minimal JSON escapes, numbers as ECMAScript
 * writes them. A verifier anywhere can rebuild the same bytes from the same JSON with any JCS implementation,
 * however the JSON was re-formatted in between. Input that is not I-JSON (NaN, duplicate names) is refused.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical form of a JSON text. */
    public static String of(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new IllegalArgumentException("Not canonicalisable JSON: " + e.getMessage(), e);
        }
    }

    public static String of(JsonValue value) {
        return of(value.toString());
    }

    /**
     * The canonical form of a document given as a map, with its null members left out: the server's JSON leaves
     * them out too, so this is the canonical form of the document as served. Values: Map (String keys), List,
     * String, Integer, Long, Boolean; null only as a member (left out) or a list item (JSON null).
     */
    public static String ofMembers(Map<String, ?> document) {
        return of(object(document).build());
    }

    private static JsonObjectBuilder object(Map<?, ?> members) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        for (Map.Entry<?, ?> e : members.entrySet()) {
            if (e.getValue() != null) {
                b.add((String) e.getKey(), value(e.getValue()));
            }
        }
        return b;
    }

    private static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        } else if (v instanceof String s) {
            return JSON.createValue(s);
        } else if (v instanceof Integer || v instanceof Long) {
            return JSON.createValue(((Number) v).longValue());
        } else if (v instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (v instanceof Map<?, ?> m) {
            return object(m).build();
        } else if (v instanceof List<?> list) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            list.forEach(item -> a.add(value(item)));
            return a.build();
        }
        throw new IllegalArgumentException("Not a canonical JSON value: " + v.getClass());
    }
}
