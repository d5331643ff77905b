package org.steward.platform.kernel.api.access;

/** The rows of one category, written one at a time and streamed to the stored export. */
public interface RecordWriter extends AutoCloseable {

    /**
     * One row, its values in the order of the category's columns: {@code String}, {@code Number}, {@code Boolean},
     * {@code java.time.OffsetDateTime} / {@code java.time.LocalDate}, or null. A {@code java.util.Map} or
     * {@code java.util.List} of such values is written as nested JSON (and as its JSON text in the CSV).
     *
     * @throws IllegalArgumentException when the number of values is not the number of columns
     */
    void row(Object... values);

    @Override
    void close();
}
