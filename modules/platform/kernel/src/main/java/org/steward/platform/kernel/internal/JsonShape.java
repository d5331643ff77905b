package org.steward.platform.kernel.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.steward.platform.kernel.api.FieldError;

/**
 * Checks a parsed JSON body against the Java type it is bound to, before Yasson binds it: Yasson turns
 * {@code true} or {@code 5} into the string "true" or "5", and stops at the first problem. Here every field is
 * checked and every mismatch reported: a string field takes a JSON string, a boolean {@code true}/{@code false}, a
 * number a JSON number (an integer where the field is one), an enum, date or UUID a string, a list an array, a map
 * or record an object; a record field the record does not declare is unknown. No string may hold a NUL character
 * (PostgreSQL cannot store one, and it is never meaningful in Steward's data). {@code null} is left to bean
 * validation; types this does not know (JsonValue, Object) take any JSON.
 */
public final class JsonShape {

    public static final String UNKNOWN = "is not a known field";
    public static final String NUL = "must not contain the NUL character";

    private static final Set<Class<?>> INTEGRAL = Set.of(int.class, long.class, short.class, byte.class,
            Integer.class, Long.class, Short.class, Byte.class, BigInteger.class);
    private static final Set<Class<?>> DECIMAL = Set.of(double.class, float.class, Double.class, Float.class,
            BigDecimal.class);

    /** What is wrong, in the order met. */
    public record Mismatch(FieldError error, boolean unknownField) {
    }

    private JsonShape() {
    }

    /** Whether a body bound to this type is checked at all: records, and collections or maps of anything. */
    public static boolean applies(Type type) {
        Class<?> raw = raw(type);
        return raw.isRecord() || Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
                || (raw.isArray() && raw != byte[].class);
    }

    public static List<Mismatch> check(JsonValue value, Type type) {
        List<Mismatch> out = new ArrayList<>();
        walk(value, type, "", out);
        return out;
    }

    private static void walk(JsonValue value, Type type, String path, List<Mismatch> out) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        JsonValue.ValueType actual = value.getValueType();
        if (raw == String.class || raw == char.class || raw == Character.class) {
            if (actual != JsonValue.ValueType.STRING) {
                wrong(path, "must be a string", out);
            } else if (((JsonString) value).getString().indexOf('\0') >= 0) {
                out.add(new Mismatch(new FieldError(name(path), NUL), false));
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (actual != JsonValue.ValueType.TRUE && actual != JsonValue.ValueType.FALSE) {
                wrong(path, "must be true or false", out);
            }
        } else if (INTEGRAL.contains(raw)) {
            if (actual != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
                wrong(path, "must be an integer", out);
            }
        } else if (DECIMAL.contains(raw) || raw == Number.class) {
            if (actual != JsonValue.ValueType.NUMBER) {
                wrong(path, "must be a number", out);
            }
        } else if (raw.isEnum() || raw == UUID.class || Temporal.class.isAssignableFrom(raw)) {
            if (actual != JsonValue.ValueType.STRING) {
                wrong(path, "must be a string", out);
            } else if (((JsonString) value).getString().indexOf('\0') >= 0) {
                out.add(new Mismatch(new FieldError(name(path), NUL), false));
            }
        } else if (Collection.class.isAssignableFrom(raw) || (raw.isArray() && raw != byte[].class)) {
            if (actual != JsonValue.ValueType.ARRAY) {
                wrong(path, "must be an array", out);
                return;
            }
            Type element = raw.isArray() ? componentOf(type) : argument(type, 0);
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), element, path + "[" + i + "]", out);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (actual != JsonValue.ValueType.OBJECT) {
                wrong(path, "must be an object", out);
                return;
            }
            Type valueType = argument(type, 1);
            for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
                // Map keys are client data (maybe personal data): a bad value is named by the map, not the key.
                if (e.getKey().indexOf('\0') >= 0) {
                    out.add(new Mismatch(new FieldError(name(path), NUL), false));
                }
                walk(e.getValue(), valueType, path, out);
            }
        } else if (raw.isRecord()) {
            if (actual != JsonValue.ValueType.OBJECT) {
                wrong(path, "must be an object", out);
                return;
            }
            Map<String, Type> components = components(raw);
            JsonObject object = value.asJsonObject();
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                Type componentType = components.get(e.getKey());
                if (componentType == null) {
                    out.add(new Mismatch(new FieldError(child, UNKNOWN), true));
                } else {
                    walk(e.getValue(), componentType, child, out);
                }
            }
        }
        // Anything else (JsonValue, Object, a type with its own adapter) is Yasson's to judge.
    }

    private static void wrong(String path, String message, List<Mismatch> out) {
        out.add(new Mismatch(new FieldError(name(path), message), false));
    }

    private static String name(String path) {
        return path.isEmpty() ? "body" : path;
    }

    private static final Map<Class<?>, Map<String, Type>> COMPONENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, Type> components(Class<?> record) {
        return COMPONENTS.computeIfAbsent(record, r -> {
            Map<String, Type> m = new LinkedHashMap<>();
            for (RecordComponent c : r.getRecordComponents()) {
                m.put(c.getName(), c.getGenericType());
            }
            return new HashMap<>(m);
        });
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Type componentOf(Type type) {
        if (type instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        return raw(type).getComponentType();
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w && w.getUpperBounds().length > 0) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }
}
