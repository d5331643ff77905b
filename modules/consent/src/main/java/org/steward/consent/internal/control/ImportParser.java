package org.steward.consent.internal.control;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.steward.consent.api.ConsentAction;
import org.steward.consent.api.ConsentSource;
import org.steward.platform.kernel.api.CanonicalJson;
import org.steward.platform.kernel.api.Csv;
import org.steward.platform.kernel.api.Ids;

/**
 * Parses a bulk import (JSON lines, or CSV with a header row) into lines or per-line errors. A bad line is reported
 * and skipped; it never stops the others.
 */
public final class ImportParser {

    public static final Set<String> FIELDS = Set.of("externalId", "subjectId", "purpose", "action", "noticeVersion",
            "noticeLanguage", "source", "occurredAt", "expiresAt");

    /** A line that could not be imported: its number, the offending field (or "line") and why. */
    public record LineError(int line, String field, String message) {
    }

    public record Parsed(List<ImportLine> lines, List<LineError> errors) {
    }

    private ImportParser() {
    }

    public static Parsed jsonLines(String text) {
        List<ImportLine> lines = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        String[] physical = text.split("\r?\n", -1);
        for (int i = 0; i < physical.length; i++) {
            String raw = physical[i].strip();
            if (raw.isEmpty()) {
                continue;
            }
            int n = i + 1;
            Map<String, String> fields = new HashMap<>();
            try (JsonReader reader = JSON.createReader(new StringReader(raw))) {
                JsonValue v = reader.readValue();
                if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                    errors.add(new LineError(n, "line", "must be a JSON object"));
                    continue;
                }
                String bad = toFields(v.asJsonObject(), fields);
                if (bad != null) {
                    errors.add(new LineError(n, bad, FIELDS.contains(bad) ? "must be a string or a number"
                            : "is not a field of a consent import line"));
                    continue;
                }
            } catch (JsonException e) {
                errors.add(new LineError(n, "line", "is not valid JSON"));
                continue;
            }
            line(n, fields, lines, errors);
        }
        return new Parsed(lines, errors);
    }

    public static Parsed csv(String text) {
        List<ImportLine> lines = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(text);
        } catch (Csv.Malformed e) {
            errors.add(new LineError(e.line(), "line", e.getMessage()));
            return new Parsed(lines, errors);
        }
        if (rows.isEmpty()) {
            return new Parsed(lines, errors);
        }
        List<String> header = rows.get(0).fields().stream().map(String::strip).toList();
        for (String h : header) {
            if (!FIELDS.contains(h)) {
                errors.add(new LineError(rows.get(0).line(), h, "is not a column of a consent import"));
                return new Parsed(lines, errors);
            }
        }
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != header.size()) {
                errors.add(new LineError(row.line(), "line", "has " + row.fields().size() + " fields, the header "
                        + header.size()));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String v = row.fields().get(i).strip();
                if (!v.isEmpty()) {
                    fields.put(header.get(i), v);
                }
            }
            line(row.line(), fields, lines, errors);
        }
        return new Parsed(lines, errors);
    }

    /** Copies an object's members as text; returns the name of the first member that is unknown or not scalar. */
    private static String toFields(JsonObject o, Map<String, String> out) {
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                return e.getKey();
            }
            JsonValue v = e.getValue();
            if (v instanceof JsonString s) {
                out.put(e.getKey(), s.getString().strip());
            } else if (v instanceof JsonNumber num) {
                out.put(e.getKey(), num.toString());
            } else if (v.getValueType() != JsonValue.ValueType.NULL) {
                return e.getKey();
            }
        }
        return null;
    }

    private static void line(int n, Map<String, String> f, List<ImportLine> lines, List<LineError> errors) {
        try {
            String externalId = f.get("externalId");
            if (externalId != null && (externalId.isEmpty() || externalId.length() > 120)) {
                throw new Bad("externalId", "must be 1 to 120 characters");
            }
            String subjectId = required(f, "subjectId");
            if (Ids.parseOrNull(subjectId) == null) {
                throw new Bad("subjectId", "must be a UUID");
            }
            String purpose = required(f, "purpose");
            if (purpose.length() > 64) {
                throw new Bad("purpose", "must be at most 64 characters");
            }
            ConsentAction action = parseEnum(ConsentAction.class, "action", required(f, "action"));
            Integer noticeVersion = null;
            if (f.get("noticeVersion") != null) {
                try {
                    noticeVersion = Integer.valueOf(f.get("noticeVersion"));
                } catch (NumberFormatException e) {
                    throw new Bad("noticeVersion", "must be a whole number");
                }
                if (noticeVersion < 1) {
                    throw new Bad("noticeVersion", "must be 1 or more");
                }
            }
            String language = f.get("noticeLanguage");
            if (language != null && !Notices.LANGUAGE.matcher(language).matches()) {
                throw new Bad("noticeLanguage", "must be a language tag such as en or pt-BR");
            }
            ConsentSource source = f.get("source") == null ? ConsentSource.ADMIN
                    : parseEnum(ConsentSource.class, "source", f.get("source"));
            OffsetDateTime occurredAt = time("occurredAt", required(f, "occurredAt"));
            OffsetDateTime expiresAt = f.get("expiresAt") == null ? null : time("expiresAt", f.get("expiresAt"));
            String key = externalId != null ? "ext:" + externalId : "sha256:" + Sha256.hex(CanonicalJson.ofMembers(
                    normalised(subjectId, purpose, action, noticeVersion, language, source, occurredAt, expiresAt)));
            lines.add(new ImportLine(n, key, subjectId, purpose, action, noticeVersion, language, source, occurredAt,
                    expiresAt));
        } catch (Bad e) {
            errors.add(new LineError(n, e.field, e.getMessage()));
        }
    }

    private static Map<String, Object> normalised(String subjectId, String purpose, ConsentAction action,
                                                  Integer noticeVersion, String language, ConsentSource source,
                                                  OffsetDateTime occurredAt, OffsetDateTime expiresAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subjectId", subjectId.toLowerCase(Locale.ROOT));
        m.put("purpose", purpose);
        m.put("action", action.name());
        m.put("noticeVersion", noticeVersion);
        m.put("noticeLanguage", language);
        m.put("source", source.name());
        m.put("occurredAt", occurredAt.toInstant().toString());
        m.put("expiresAt", expiresAt == null ? null : expiresAt.toInstant().toString());
        return m;
    }

    private static String required(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null || v.isEmpty()) {
            throw new Bad(name, "is required");
        }
        return v;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new Bad(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static OffsetDateTime time(String field, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new Bad(field, "must be an ISO-8601 date-time with an offset, such as 2024-05-01T10:00:00Z");
        }
    }

    private static final class Bad extends RuntimeException {
        private final String field;

        Bad(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
