package org.steward.platform.crypto.api;

/** One version of the blind-index key. Rows record the version their indexes were computed under. */
public record BlindIndex(int version, BlindIndexFunction function) {

    public String apply(IndexKind kind, String value) {
        return value == null ? null : function.apply(kind, value);
    }
}
