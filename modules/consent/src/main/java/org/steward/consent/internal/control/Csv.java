package org.steward.consent.internal.control;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: records of fields, quoted fields may hold commas, quotes (doubled) and line breaks. */
public final class Csv {

    private Csv() {
    }

    /** A record and the physical line it starts on (1-based), for error reports. */
    public record Row(int line, List<String> fields) {
    }

    /** Thrown for a quoted field that never closes: the rest of the input cannot be split into records. */
    public static final class Malformed extends RuntimeException {
        private final int line;

        public Malformed(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int rowStart = 1;
        int i = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1; // a byte-order mark, as spreadsheet exports write it
        }
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addUnlessBlank(rows, rowStart, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
                rowStart = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new Malformed(rowStart, "a quoted field is not closed");
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            addUnlessBlank(rows, rowStart, fields);
        }
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> fields) {
        if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
    }

    /** One record, CRLF-terminated; fields are quoted only when they must be. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String field(String value) {
        String v = value == null ? "" : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
