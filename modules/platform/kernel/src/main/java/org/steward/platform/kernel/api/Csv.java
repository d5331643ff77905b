package org.steward.platform.kernel.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (RFC 4180) for every import and export, by Apache Commons CSV: quoted fields may hold commas, doubled quotes
 * and line breaks; records end in CRLF, LF or CR. Reading keeps the physical line each record starts on, for
 * per-line error reports.
 *
 * <p>Writing quotes a field only where needed, and guards every field against formula injection (CSV injection,
 * OWASP): a value starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * apostrophe, so that a spreadsheet shows it as text instead of running it. Every export goes through here, so none
 * can forget it; reading does not strip the apostrophe (an import reads what a person typed).
 */
public final class Csv {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Empty lines stay records (dropped below, so that line numbers are counted by the parser); text after a
     *  closing quote is kept, as spreadsheets write it. */
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
            .setTrailingData(true).get();

    private static final CSVFormat WRITE = CSVFormat.RFC4180;

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

        /** The line the unreadable record starts on. */
        public int line() {
            return line;
        }
    }

    /** The records of a text; blank lines are skipped, and a byte-order mark (as spreadsheets write it) ignored. */
    public static List<Row> parse(String text) {
        String body = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(body, READ)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // Line breaks read so far: the previous record's, its terminator's and the blank lines'.
                int line = Math.toIntExact(parser.getCurrentLineNumber()) + 1;
                boolean more;
                try {
                    more = records.hasNext();
                } catch (UncheckedIOException e) {
                    // With trailing data allowed, the only malformed input is a quote still open at the end.
                    throw new Malformed(line, "a quoted field is not closed");
                }
                if (!more) {
                    return rows;
                }
                List<String> fields = records.next().toList();
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                    rows.add(new Row(line, List.copyOf(fields)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /** The field as a spreadsheet must see it: text, never a formula (OWASP CSV injection). A null stays null. */
    public static String guarded(String field) {
        if (field == null || field.isEmpty()) {
            return field;
        }
        return switch (field.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + field;
            default -> field;
        };
    }

    /** One record, CRLF-terminated. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        writer(out).row(fields);
        return out.toString();
    }

    /** Writes records to {@code out} one by one, so that a large export need not be held in memory. */
    public static Writer writer(Appendable out) {
        return new Writer(out);
    }

    /** Writes CRLF-terminated records, each field {@linkplain #guarded guarded}; a null field is written empty. */
    public static final class Writer {
        private final CSVPrinter printer;

        private Writer(Appendable out) {
            try {
                this.printer = new CSVPrinter(out, WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Writer row(List<String> fields) {
            try {
                printer.printRecord(fields.stream().map(Csv::guarded).toList()); // the printer buffers nothing
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }
}
