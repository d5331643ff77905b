package org.steward.subjectrights.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/** How a participant's values are written: JSON values in export.json, text in the CSV. */
final class ExportValues {

    private ExportValues() {
    }

    static JsonValue json(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof String s) {
            return JSON.createValue(s);
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return JSON.createValue(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return JSON.createValue(b);
        }
        if (v instanceof BigDecimal b) {
            return JSON.createValue(b);
        }
        if (v instanceof Number n) {
            return JSON.createValue(n.doubleValue());
        }
        if (v instanceof TemporalAccessor || v instanceof Enum<?>) {
            return JSON.createValue(v.toString());
        }
        if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder o = JSON.createObjectBuilder();
            m.forEach((k, x) -> o.add(String.valueOf(k), json(x)));
            return o.build();
        }
        if (v instanceof List<?> l) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            l.forEach(x -> a.add(json(x)));
            return a.build();
        }
        throw new IllegalArgumentException("An export value cannot be a " + v.getClass().getSimpleName());
    }

    /** The CSV cell: strings as they are, nested values as their JSON text, null as empty. */
    static String text(Object v, JsonValue json) {
        if (v == null) {
            return "";
        }
        if (json instanceof JsonString s) {
            return s.getString();
        }
        return json.toString();
    }

    /** The associated data of a chunk's ciphertext: a chunk moved to another place fails to decrypt. */
    static String chunkField(String partId, String format, int seq) {
        return "export:" + partId + ":" + format + ":" + seq;
    }
}
