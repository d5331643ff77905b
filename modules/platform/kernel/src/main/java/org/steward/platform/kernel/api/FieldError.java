package org.steward.platform.kernel.api;

/** One offending input: the JSON path of the field (or the query parameter's name) and what is wrong with it. */
public record FieldError(String field, String message) {
}
